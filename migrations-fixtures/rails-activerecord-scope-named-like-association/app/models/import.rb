class Import < ApplicationRecord
  belongs_to :family
  has_many :mappings, class_name: "Import::Mapping"

  # `accounts` here is Import::Mapping's scope, not Family's association: key is a mapping's column.
  def has_unassigned_account?
    mappings.accounts.where(key: "").any?
  end
end
