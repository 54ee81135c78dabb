class RenameCommentToComments < ActiveRecord::Migration[4.2]
  def self.up
    # Databases created before 0.4 still have the singular name.
    rename_column(:time_entries, :comment, :comments) if ActiveRecord::Base.connection.columns(TimeEntry.table_name).detect{|c| c.name == "comment"}
    if column_exists?(:journals, :note)
      rename_column :journals, :note, :notes
    end
  end

  def self.down
    raise ActiveRecord::IrreversibleMigration
  end
end
