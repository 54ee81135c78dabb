class CreateVendorsAndPartners < ActiveRecord::Migration[7.1]
  def change
    create_table :vendors do |t|
      t.string :name
    end
    create_table :partners do |t|
      t.string :name
    end
  end
end
