# An archive table of its own: not what Account#old_invoices returns.
class OldInvoice < ApplicationRecord
end
