class TouchJob < ApplicationJob
  def perform(ids)
    Person.where(id: ids).update_all(["last_seen_at = ?", Time.current])
    Person.where("lower(email) = ?", "x").find_by(account_id: 1)
  end
end
