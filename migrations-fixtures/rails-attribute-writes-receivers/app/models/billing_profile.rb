class BillingProfile < ApplicationRecord
  belongs_to :account

  def close_account!
    account.update!(closed_on: Date.today, suspension_reason: "billing closed")
  end
end
