class UsageReport
  def recent(subscription_id)
    ActiveRecord::Base.connection.select_all(
      "SELECT code, properties, timestamp FROM events WHERE external_subscription_id = $1",
      "usage", [subscription_id]
    ).to_a
  end

  def values
    ActiveRecord::Base.connection.select_all("SELECT code, decimal_value FROM events").to_a
  end
end
