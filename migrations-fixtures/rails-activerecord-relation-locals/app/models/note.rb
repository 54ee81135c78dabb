class Note < ApplicationRecord
  belongs_to :author
  scope :pinned, -> { where(pinned: true) }
end
