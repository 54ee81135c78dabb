ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  enable_extension "plpgsql"

  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.string "last_prompted_upgrade_sha"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
  end
end
