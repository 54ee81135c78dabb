# Usage aggregated in the analytics cluster: its `events` table is not the application's.
class ClickhouseUsageStore
  def initialize(connection)
    @connection = connection
  end

  def max_value(code)
    sql = <<~SQL
      SELECT max(decimal_value) AS value, toStartOfDay(timestamp) AS day
      FROM events
      WHERE code = '#{code}'
      GROUP BY day
    SQL
    @connection.select_all(sql).rows
  end

  def latest
    @connection.select_one("SELECT sorted_grouped_by, property FROM events ORDER BY timestamp DESC LIMIT 1")
  end
end
