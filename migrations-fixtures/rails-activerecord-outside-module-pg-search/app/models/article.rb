# multisearchable adds a document association (and its setter): a macro still not interpreted.
class Article < ApplicationRecord
  include PgSearch::Model

  multisearchable against: [:headline]
end
