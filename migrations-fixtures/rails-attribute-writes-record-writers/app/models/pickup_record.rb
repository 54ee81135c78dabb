class PickupRecord < ApplicationRecord
  belongs_to :store, optional: true

  before_validation :set_display_code

  private

  def set_display_code
    if store_id.blank?
      # records outside a store carry no display code
      return self.attributes = {display_code: nil, display_prefix: nil}
    end

    self.display_prefix = store.code_prefix
    self.display_code = "#{display_prefix}-#{id}"
    self.display_suffix = nil
  end
end
