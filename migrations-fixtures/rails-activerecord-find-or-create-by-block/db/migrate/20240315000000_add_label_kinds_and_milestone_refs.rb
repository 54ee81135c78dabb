class AddLabelKindsAndMilestoneRefs < ActiveRecord::Migration[7.1]
  def change
    add_column :labels, :color, :string, null: false, default: "#ededed"
    add_column :labels, :kind, :string
    add_column :labels, :archived, :boolean, null: false, default: false
    add_column :milestones, :due_on, :date
    add_column :milestones, :external_ref, :string
    add_index :milestones, :external_ref, unique: true
  end
end
