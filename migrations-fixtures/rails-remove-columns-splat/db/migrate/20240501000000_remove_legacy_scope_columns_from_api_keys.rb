class RemoveLegacyScopeColumnsFromApiKeys < ActiveRecord::Migration[7.1]
  def change
    safety_assured do
      remove_columns :api_keys,
                     *%i[push_rubygem yank_rubygem],
                     type: :boolean,
                     null: false,
                     default: false
    end
  end
end
