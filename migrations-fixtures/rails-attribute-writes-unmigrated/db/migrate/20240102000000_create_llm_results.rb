class CreateLlmResults < ActiveRecord::Migration[7.1]
  def change
    create_table :llm_results do |t|
      t.references :tenant, null: false, foreign_key: true
      t.string :provider, null: false
      t.string :prompt_hash, null: false
      t.text :output
      t.integer :tokens_used, null: false, default: 0
      t.jsonb :metadata, null: false, default: {}
      t.string :status, null: false, default: "pending"
      t.timestamps
    end
    add_index :llm_results, :prompt_hash, unique: true
  end
end
