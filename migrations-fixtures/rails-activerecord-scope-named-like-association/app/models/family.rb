class Family < ApplicationRecord
  has_many :accounts
  has_many :imports
end
