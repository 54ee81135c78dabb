# Runs its SQL on the connection: each statement is a site.
class InvoiceTotals
  def self.refresh(account_id)
    ActiveRecord::Base.connection.execute(<<~SQL)
      UPDATE invoices SET total_cents = 0, settled_at = now() WHERE account_id = #{account_id.to_i}
    SQL
  end

  def self.recount(sql)
    ApplicationRecord.lease_connection.execute(sql)
  end
end
