require "benchmark/ips"
require "active_record"

# Renders a collection with and without the partial cache, on a throwaway in-memory database.
ActiveRecord::Base.establish_connection(adapter: "sqlite3", database: ":memory:")

ActiveRecord::Schema.define do
  create_table :widgets, force: true do |t|
    t.string :label
  end
end

class Widget < ActiveRecord::Base; end

letters = ("a".."z").to_a
500.times { Widget.create!(label: letters.sample(8).join) }

Benchmark.ips do |x|
  x.report("plain") { Widget.where(label: "abc").to_a }
  x.report("all") { Widget.all.to_a }
end
