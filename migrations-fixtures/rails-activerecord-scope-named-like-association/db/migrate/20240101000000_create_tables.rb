class CreateTables < ActiveRecord::Migration[7.1]
  def change
    create_table :families do |t|
      t.string :name
    end
    create_table :accounts do |t|
      t.references :family, null: false
      t.string :name
    end
    create_table :imports do |t|
      t.references :family, null: false
    end
    create_table :import_mappings do |t|
      t.references :import, null: false
      t.string :type
      t.string :key
    end
  end
end
