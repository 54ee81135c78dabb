ActiveRecord::Schema[7.1].define(version: 2023_02_01_000000) do
  enable_extension "plpgsql"

  create_table "plans", force: :cascade do |t|
    t.string "name", null: false
    t.integer "price_cents"
  end

  create_view "plan_prices", sql_definition: <<-SQL
      SELECT plans.id,
      plans.name,
      plans.price_cents
     FROM plans;
  SQL
end
