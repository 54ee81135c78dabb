class NightlyJob < ApplicationJob
  def perform
    Invoice.where(paid: false).find_each do |invoice|
      invoice.reminded_at = Time.current
      invoice.save!
    end
    Invoice.open.each do |invoice|
      invoice.reminder_count += 1
      invoice.update(legacy: true)
    end
    Account.find_each { |a| a.balance_cents = 0 }
    record = Account.find(1)
    record.currency = "EUR"
    record.create_billing_profile!(vat_number: "EU2")
    something.each { |x| x.anything = 1 }
    Invoice.where(paid: true).each do |invoice|
      invoice = invoice.account
      invoice.whatever = 2
    end
  end
end
