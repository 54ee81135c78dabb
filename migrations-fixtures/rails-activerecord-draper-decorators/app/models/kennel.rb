class Kennel < ApplicationRecord
  belongs_to :shelter
end
