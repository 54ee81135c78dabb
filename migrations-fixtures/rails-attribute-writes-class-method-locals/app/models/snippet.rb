# A code snippet. The API posts one as JSON; class methods build the record from it.
class Snippet < ApplicationRecord
  belongs_to :author, class_name: "User"

  def self.from_payload(payload, publish: false)
    snippet = Snippet.new
    snippet.title = payload["title"]
    snippet.body = payload["body"]
    if publish
      snippet.published_at = Time.now.utc
      # a new snippet starts at its first revision
      snippet.revision_count = 0
    end
    snippet
  end

  # Converts a record an older client sent, whatever its class.
  def self.rebuild(snippet, payload)
    snippet.legacy_markup = payload["html"]
    snippet
  end

  class << self
    def draft_for(author)
      draft = Snippet.find_or_initialize_by(author_id: author.id, published_at: nil)
      draft.body ||= ""
      draft
    end

    def recent_titles(limit)
      recent = Snippet.where(visibility: "public")
      recent = recent.where(locked: false) if limit > 10
      recent.order(:title).limit(limit).pluck(:title)
    end
  end
end
