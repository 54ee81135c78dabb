class IssueReceiptJob < ApplicationJob
  def perform(order)
    receipt = Receipt.find_or_initialize_by(order_id: order.id)
    return receipt if receipt.persisted?

    receipt.assign_attributes(
      source: "api",
      first_for_order: !Receipt.exists?(order_id: order.id)
    )
    receipt.save!
  end
end
