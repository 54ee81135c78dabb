class Page < ApplicationRecord
  has_many :links
end
