class AddModelVersionToLlmResults < ActiveRecord::Migration[7.1]
  def change
    add_column :llm_results, :model_version, :string
  end
end
