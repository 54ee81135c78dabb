class Adoption < ApplicationRecord
  belongs_to :shelter
end
