# Methods of `class << self` are class methods: a bare where/order/pluck runs on the model.
class Shipment < ApplicationRecord
  has_many :stops

  class << self
    def carriers
      where.not(carrier: nil).distinct.order(:carrier).pluck(:carrier)
    end

    def late(now)
      where("eta < ?", now).where(delivered: false).each do |shipment|
        shipment.touch
      end
    end
  end

  # One query chain on the class: a relation of the model, as a scope is.
  def self.undelivered(now)
    where(delivered: false).where("eta < ?", now)
  end

  # It joins: the names after it may be the joined table's.
  def self.with_stops
    joins(:stops)
  end

  # Anything else is not read as a relation of the model.
  def self.recent(all_time)
    if all_time
      all
    else
      where("created_at > ?", 1.week.ago)
    end
  end
end
