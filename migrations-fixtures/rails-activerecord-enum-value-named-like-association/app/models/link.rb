# A link found in a page's text. `embedded_post` is both the association to the post a link
# embeds and a value of the link_type enum: on the class or a relation it is the enum's scope.
class Link < ApplicationRecord
  belongs_to :page
  belongs_to :embedded_post, foreign_key: :target, class_name: "Post", optional: true

  enum :link_type, {
    external: 0,
    embedded_post: 1,
  }

  scope :from_wiki, -> { where(page_type: "WikiPage") }
end
