class Store < ApplicationRecord
  has_many :pickup_records
end
