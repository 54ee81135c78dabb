class CreateMail < ActiveRecord::Migration[7.1]
  def change
    create_table :users do |t|
      t.string :email
    end

    create_table :parcels do |t|
      t.references :receiver
      t.references :courier
      t.string :label
    end

    create_table :complaints do |t|
      t.text :body
      t.references :courier
    end
  end
end
