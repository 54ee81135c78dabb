class CreateCitationsAndUsers < ActiveRecord::Migration[7.1]
  def change
    create_table :citations do |t|
      t.references :llm_result, null: false
      t.string :url, null: false
    end
    create_table :users do |t|
      t.references :tenant
      t.string :email, null: false
      t.string :password_digest, null: false
    end
  end
end
