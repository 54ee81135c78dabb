class Ledger < ApplicationRecord
  self.table_name = "ledger_rows"
end
