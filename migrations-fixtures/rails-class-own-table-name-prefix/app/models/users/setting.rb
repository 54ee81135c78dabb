module Users
  class Setting < ApplicationRecord
    # This class's own prefix (and its subclasses'): table users_settings.
    self.table_name_prefix = "users_"
  end
end
