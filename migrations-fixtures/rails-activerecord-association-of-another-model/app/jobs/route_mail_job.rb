class RouteMailJob < ApplicationJob
  def perform(user)
    Parcel.where(receiver: user).update_all(label: "routed")
    # Parcel's association, not Complaint's: the column receiver must exist on complaints.
    Complaint.where(receiver: nil).count
    Complaint.create!(body: "late", receiver: "front desk")
    # courier is a module's association (HasCourier): which models include a module is not always
    # visible, so the name is left alone on every model.
    Complaint.where(courier: user).count
  end
end
