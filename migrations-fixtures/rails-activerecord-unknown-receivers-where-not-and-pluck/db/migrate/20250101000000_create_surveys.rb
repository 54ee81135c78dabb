class CreateSurveys < ActiveRecord::Migration[7.1]
  def change
    create_table :surveys do |t|
      t.string :title, null: false
      t.text :questions
      t.timestamps
    end
  end
end
