class CreateProjectsAndOwners < ActiveRecord::Migration[7.1]
  def change
    create_table :owners do |t|
      t.string :email, null: false
      t.timestamps
    end

    create_table :projects do |t|
      t.references :owner, null: false
      t.string :title, null: false
      t.integer :stars, null: false, default: 0
      t.timestamps
    end
  end
end
