class Setup < ActiveRecord::Migration[4.2]
  def self.up
    create_table :journals do |t|
      t.column :journalized_id, :integer, :default => 0, :null => false
      t.column :notes, :text
      t.column :created_on, :datetime, :null => false
    end
    create_table :time_entries do |t|
      t.column :hours, :float, :null => false
      t.column :comments, :string, :limit => 255
    end
  end

  def self.down
    drop_table :journals
    drop_table :time_entries
  end
end
