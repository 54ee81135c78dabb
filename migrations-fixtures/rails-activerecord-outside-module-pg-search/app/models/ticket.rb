# A model that includes pg_search's module: it defines search scopes, no setters.
class Ticket < ApplicationRecord
  include PgSearch::Model

  pg_search_scope :text_search, against: {title: "A", details: "B"}

  before_validation :normalize

  private

  def normalize
    self.title = title.to_s.strip
    self.assignee = assignee.to_s.downcase
  end
end
