class TopPosts
  def self.call(limit)
    ActiveRecord::Base.connection.exec_query("SELECT id, title, score FROM posts ORDER BY score DESC LIMIT #{limit.to_i}")
  end
end
