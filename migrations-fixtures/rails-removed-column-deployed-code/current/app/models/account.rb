# The new release stops using legacy_plan and tells ActiveRecord to forget it.
class Account < ApplicationRecord
  self.ignored_columns += ["legacy_plan"]
end
