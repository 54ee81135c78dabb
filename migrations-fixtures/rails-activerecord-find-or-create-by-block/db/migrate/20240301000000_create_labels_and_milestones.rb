class CreateLabelsAndMilestones < ActiveRecord::Migration[7.1]
  def change
    create_table :labels do |t|
      t.string :name, null: false
      t.timestamps
    end

    create_table :milestones do |t|
      t.string :title, null: false
      t.string :state, null: false, default: "open"
      t.timestamps
    end
  end
end
