class Bookmark < ApplicationRecord
  def self.recent
    find_by_sql("SELECT id, url, title FROM bookmarks ORDER BY created_at DESC LIMIT 20")
  end

  def self.unread
    where("read_at IS NULL")
  end
end
