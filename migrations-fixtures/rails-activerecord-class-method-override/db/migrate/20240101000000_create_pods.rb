class CreatePods < ActiveRecord::Migration[7.1]
  def change
    create_table :pods do |t|
      t.string :host, null: false
      t.integer :port, null: false, default: -1
      t.boolean :ssl, null: false, default: true
    end
  end
end
