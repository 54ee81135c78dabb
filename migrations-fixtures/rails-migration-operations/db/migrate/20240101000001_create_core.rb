class CreateCore < ActiveRecord::Migration[6.1]
  def change
    enable_extension "pgcrypto"
    create_table :organizations do |t|
      t.string :name, null: false, limit: 120
      t.text :about
      t.integer :tier, limit: 2, default: 0
      t.bigint :external_id
      t.float :score
      t.decimal :credit, precision: 12, scale: 2
      t.datetime :trial_ends_at
      t.date :founded_on
      t.time :opens_at
      t.binary :logo
      t.boolean :active, default: true, null: false
      t.json :settings
      t.jsonb :flags, default: {}
      t.uuid :public_id, default: "gen_random_uuid()"
      t.inet :last_ip
      t.string :tags, array: true, default: []
      t.timestamps
    end

    create_table :people, id: :uuid do |t|
      t.references :organization, null: false, foreign_key: true
      t.belongs_to :manager, type: :uuid, index: false
      t.references :subject, polymorphic: true
      t.string :email, :phone
      t.column :nickname, :string, default: "anon"
      t.timestamps null: true
      t.index [:organization_id, :email], unique: true
    end

    create_table :tags, id: false, primary_key: :slug do |t|
      t.string :slug, null: false
      t.string :label
    end

    create_table :settings, primary_key: :key, id: :string do |t|
      t.text :value
    end

    create_join_table :people, :tags
  end
end
