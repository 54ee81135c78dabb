class Invoice < ApplicationRecord
  include SemanticLogger::Loggable # defines logger= only
  belongs_to :account

  scope :open, -> { where(paid: false) }

  # The model's own update: writes through it are its business.
  def update(attrs)
    super(attrs.except(:legacy))
  end
end
