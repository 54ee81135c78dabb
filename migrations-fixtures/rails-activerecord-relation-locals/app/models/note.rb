class Note < ApplicationRecord
  include Shelved

  belongs_to :author
  scope :pinned, -> { where(pinned: true) }

  # self.class in an instance method: the model's class.
  def siblings
    self.class.where(author_id: author_id).where.not(id: id).order(:position)
  end
end
