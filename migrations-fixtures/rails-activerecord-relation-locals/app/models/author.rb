class Author < ApplicationRecord
  has_many :notes
end
