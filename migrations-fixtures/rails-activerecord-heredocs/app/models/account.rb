class Account < ApplicationRecord
  has_many :users

  def self.top_by_balance(limit)
    find_by_sql([<<~SQL, limit])
      SELECT a.id, a.name, a.balance, a.stripe_customer_id
      FROM accounts a
      ORDER BY a.balance DESC
      LIMIT ?
    SQL
  end
end
