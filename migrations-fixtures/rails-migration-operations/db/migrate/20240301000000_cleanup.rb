class Cleanup < ActiveRecord::Migration[6.1]
  def up
    drop_table :people_tags
    create_table :audit_log, id: :bigint do |t|
      t.string :action
      t.references :person, type: :uuid
    end
    remove_columns :people, :linkedin, :mastodon
    if connection.adapter_name == "Mysql2"
      add_column :people, :mysql_only, :string
    else
      add_column :people, :pg_only, :string
    end
    execute "ALTER TABLE audit_log ADD COLUMN note text"
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
