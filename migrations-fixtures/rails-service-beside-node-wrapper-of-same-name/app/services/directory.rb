class Directory
  def lookup(term)
    Rails.cache.fetch(term) { User.where(email: term).first }
  end

  def help
    lookup("select the nickname from the list")
  end
end
