class UnreadDigest
  UNREAD = <<~SQL.squish
    SELECT d.recipient_id, e.params, e.body_html, count(*) AS unread
    FROM notifier_deliveries d
    JOIN notifier_events e ON e.id = d.event_id
    WHERE d.read_at IS NULL AND d.recipient_type = 'User'
    GROUP BY d.recipient_id, e.params, e.body_html
  SQL

  def rows
    ActiveRecord::Base.connection.select_all(UNREAD).to_a
  end

  def mark_opened(recipient_id)
    ActiveRecord::Base.connection.exec_update(
      "UPDATE notifier_deliveries SET seen_at = now(), opened_at = now() WHERE recipient_id = $1",
      "mark_opened",
      [recipient_id]
    )
  end
end
