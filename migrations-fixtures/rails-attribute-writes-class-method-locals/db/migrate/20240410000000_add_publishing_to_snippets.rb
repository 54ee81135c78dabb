class AddPublishingToSnippets < ActiveRecord::Migration[7.1]
  def change
    add_column :snippets, :published_at, :datetime
    add_column :snippets, :revision_count, :integer, null: false, default: 0
    add_column :snippets, :locked, :boolean, null: false, default: false
    add_index :snippets, [:author_id, :published_at]
  end
end
