class Household < ApplicationRecord
  has_many :accounts, dependent: :destroy
  has_many :postings, through: :accounts
  has_many :items
end
