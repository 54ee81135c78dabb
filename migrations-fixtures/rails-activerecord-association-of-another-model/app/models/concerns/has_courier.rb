# A module's association: any model that includes it has it.
module HasCourier
  extend ActiveSupport::Concern

  included do
    belongs_to :courier, class_name: "User"
  end
end
