class CreateShelters < ActiveRecord::Migration[7.1]
  def change
    create_table :shelters do |t|
      t.string :city
    end

    create_table :kennels do |t|
      t.references :shelter
      t.integer :capacity
    end

    create_table :adoptions do |t|
      t.references :shelter
      t.date :adopted_on
    end
  end
end
