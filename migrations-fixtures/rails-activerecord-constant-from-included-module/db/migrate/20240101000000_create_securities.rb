class CreateSecurities < ActiveRecord::Migration[7.1]
  def change
    create_table :securities do |t|
      t.string :ticker, null: false
      t.string :name
    end
  end
end
