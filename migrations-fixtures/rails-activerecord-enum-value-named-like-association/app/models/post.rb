class Post < ApplicationRecord
  # Links' target column, through the enum's scope: links.target, not posts.target.
  def self.embedded_anywhere
    where(id: Link.embedded_post.select("target::integer"))
  end

  def self.embedded_in_wiki
    where(id: Link.from_wiki.embedded_post.select("target::integer"))
  end

  # A relation of links ordered by a column only posts has: links.title does not exist.
  def self.embedded_links_by_title
    Link.embedded_post.order(:title)
  end
end
