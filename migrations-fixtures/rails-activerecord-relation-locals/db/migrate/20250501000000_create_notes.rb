class CreateNotes < ActiveRecord::Migration[7.1]
  def change
    create_table :authors do |t|
      t.string :name
    end

    create_table :folders do |t|
      t.string :label
    end

    create_table :memos do |t|
      t.references :folder
      t.boolean :published, default: false, null: false
    end

    create_table :notes do |t|
      t.references :author
      t.boolean :pinned, default: false, null: false
      t.boolean :archived, default: false, null: false
      t.timestamps
    end
  end
end
