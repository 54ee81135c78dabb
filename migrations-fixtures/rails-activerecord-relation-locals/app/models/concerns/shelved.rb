# In a concern, self.class is whichever model includes it.
module Shelved
  extend ActiveSupport::Concern

  def on_same_shelf
    self.class.where(shelf: shelf)
  end
end
