class CreateEvents < ActiveRecord::Migration[7.1]
  def change
    create_table :events do |t|
      t.string :code, null: false
      t.string :external_subscription_id
      t.jsonb :properties, default: {}
      t.datetime :timestamp, null: false
      t.timestamps
    end
  end
end
