class Import::Mapping < ApplicationRecord
  belongs_to :import

  scope :accounts, -> { where(type: "Import::AccountMapping") }
end
