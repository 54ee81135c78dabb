class BillingProfile < ApplicationRecord
  belongs_to :account
end
