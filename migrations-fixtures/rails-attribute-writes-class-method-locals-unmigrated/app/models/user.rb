class User < ApplicationRecord
  has_many :snippets, foreign_key: :author_id
end
