class FeedJob < ApplicationJob
  def perform(person)
    # author is Photo's association (the module's hook): the key is author_id.
    Photo.where(author: person).pluck(:caption)
    # A delegated method is no attribute: where(author_handle:) names a column photos lacks.
    Photo.where(author_handle: person.handle).count
    # author_id is a column: the delegate of that name does not hide it.
    Photo.where(author_id: person.id).count
    # A module's hook declares author: which models include a module is not always visible, so
    # the name is left alone on every model, Badge's too (not judged).
    Badge.where(author: person).count
  end
end
