# Methods of `class << self` are class methods: a bare where/order/pluck runs on the model.
class Shipment < ApplicationRecord
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
end
