class Stop < ApplicationRecord
  belongs_to :shipment
end
