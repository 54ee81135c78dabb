class TimeEntry < ApplicationRecord
  scope :spent_between, ->(from, to) { where(spent_on: from..to) }
end
