# A payment API's sessions: `sessions` here is no association of a known record, whatever models
# declare one of that name.
class PaymentGateway
  def initialize(client)
    @client = client
  end

  def checkout(customer_id)
    @client.v1.checkout.sessions.create(customer: customer_id, mode: "subscription")
  end

  def noop; end
end
