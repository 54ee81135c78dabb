require "test_helper"

# A connection handed to a block under a name of its own: its SQL is written out, so it is a query.
class InvoiceRaceTest < ActiveSupport::TestCase
  test "a second worker claims the invoice first" do
    ApplicationRecord.connection_pool.with_connection do |other_worker|
      other_worker.execute(<<~SQL, 7)
        UPDATE invoices SET claimed_by = 'race' WHERE account_id = ?
      SQL
    end
  end
end
