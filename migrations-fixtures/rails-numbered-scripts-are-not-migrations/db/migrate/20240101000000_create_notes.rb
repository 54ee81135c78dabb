class CreateNotes < ActiveRecord::Migration[7.1]
  def change
    create_table :notes do |t|
      t.text :body
      t.string :title
    end
    # An index on an expression whose string holds a dot: one identifier names it.
    add_index :notes, "to_tsvector('pg_catalog.english', body)", using: :gin
  end
end
