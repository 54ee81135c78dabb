module Admin
  class AuditEntry < ApplicationRecord
    belongs_to :person
  end
end
