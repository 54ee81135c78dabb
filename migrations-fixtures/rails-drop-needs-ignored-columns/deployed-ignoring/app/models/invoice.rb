# legacy_status is no longer read: ActiveRecord stops loading it before the column is dropped.
class Invoice < ApplicationRecord
  self.ignored_columns += ["legacy_status"]
end
