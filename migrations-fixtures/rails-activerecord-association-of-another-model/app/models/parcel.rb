# Parcel's receiver is an association: where(receiver: user) means receiver_id.
class Parcel < ApplicationRecord
  belongs_to :receiver, class_name: "User"
  include HasCourier
end
