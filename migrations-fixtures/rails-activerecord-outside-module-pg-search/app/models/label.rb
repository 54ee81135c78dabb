# A module from another gem: any setter may be its.
class Label < ApplicationRecord
  include Colorable::Model
end
