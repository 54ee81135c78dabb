# A parameter named after the one model of that name: its association's relation.
module Publishing
  module_function

  def publish(author)
    author.notes.where(published: false).update_all(published: true)
  end
end
