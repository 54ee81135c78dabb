class Invoice < ApplicationRecord
  belongs_to :account

  scope :open, -> { where(paid: false) }

  # The model's own update: writes through it are its business.
  def update(attrs)
    super(attrs.except(:legacy))
  end
end
