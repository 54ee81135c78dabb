class SeatReport
  USERS_PER_ACCOUNT = <<~SQL.squish
    SELECT account_id, count(*) AS users
    FROM users
    GROUP BY account_id
  SQL

  def rows
    ActiveRecord::Base.connection.select_all(USERS_PER_ACCOUNT).to_a
  end

  def seats
    ActiveRecord::Base.connection.exec_query("SELECT id, seats FROM accounts WHERE plan = 'team'")
  end

  def admins(account_id)
    ActiveRecord::Base.connection.execute(
      "SELECT id, email FROM users WHERE is_admin AND account_id = #{account_id.to_i}"
    )
  end

  def audit(account_id, action)
    conn = ActiveRecord::Base.connection.raw_connection
    conn.exec_params(
      "INSERT INTO audit_events (account_id, action, actor_email, occurred_at) VALUES ($1, $2, $3, now())",
      [account_id, action, Current.user.email]
    )
  end
end
