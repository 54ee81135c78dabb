class Account < ApplicationRecord
  belongs_to :household
  has_many :postings
  has_many :items, class_name: "LineItem"
  scope :visible, -> { where(status: %w[draft active]) }
end
