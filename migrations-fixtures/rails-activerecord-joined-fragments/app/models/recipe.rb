class Recipe < ApplicationRecord
  has_many :reviews
end
