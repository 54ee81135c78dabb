class Shelter < ApplicationRecord
  has_many :kennels
  has_many :adoptions
end
