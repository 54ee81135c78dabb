# A second model of the same table, for the archive screens: it never loaded these columns.
class ArchivedInvoice < ApplicationRecord
  self.table_name = "invoices"
  self.ignored_columns = %w[legacy_status pdf_url]
end
