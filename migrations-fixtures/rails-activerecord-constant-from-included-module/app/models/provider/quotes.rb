class Provider::Quotes < Provider
  include SecurityConcept

  def search(rows)
    rows.map { |row| Security.new(symbol: row["symbol"], name: row["name"]) }
  end

  def store(row)
    ::Security.create!(ticker: row["symbol"], name: row["name"])
  end
end
