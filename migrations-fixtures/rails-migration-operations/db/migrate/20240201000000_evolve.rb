class Evolve < ActiveRecord::Migration[6.1]
  def change
    add_column :people, :age, :integer, null: false, default: 0
    add_column :organizations, :plan, :string, default: "free"
    remove_column :organizations, :about, :text
    rename_column :people, :phone, :mobile
    add_reference :organizations, :owner, type: :uuid, foreign_key: { to_table: :people }
    add_timestamps :tags, null: true
    change_column :organizations, :score, :decimal, precision: 8, scale: 3
    change_column_null :people, :email, false, "none@example.com"
    change_column_default :organizations, :plan, from: "free", to: "starter"
    add_index :people, "lower(email)", name: "index_people_on_lower_email"

    change_table :organizations do |t|
      t.string :domain
      t.remove :logo, :opens_at
      t.rename :founded_on, :established_on
      t.change :tier, :integer
      t.references :parent
      t.remove_references :owner
    end

    %i[twitter github].each do |handle|
      add_column :people, "#{handle}_handle", :string
    end
    [:linkedin, :mastodon].each do |handle|
      add_column :people, handle, :string
    end

    rename_table :settings, :preferences

    reversible do |dir|
      dir.up do
        execute <<~SQL
          CREATE VIEW active_organizations AS
            SELECT id, name, plan FROM organizations WHERE active
        SQL
      end
      dir.down { execute "DROP VIEW active_organizations" }
    end
  end
end
