# Writes through self: the model's own methods set its columns.
class Account < ApplicationRecord
  has_many :invoices
  has_many :old_invoices, :class_name => "Invoice", :foreign_key => :account_id
  has_one :billing_profile
  belongs_to :owner, class_name: "User"

  attr_accessor :pending_note
  store_accessor :settings, :theme, prefix: true
  store_accessor :limits, :seats, suffix: :cap

  def suspend!(reason)
    self.suspended_at = Time.current
    self.pending_note = reason
    self.owner = nil
    update!(suspension_reason: reason)
  end

  def settle
    invoices.each { |i| i.paid = true }
    build_billing_profile(vat_number: "EU1")
    self.balance_cents ||= 0
  end

  # Self's associations: `old_invoices` is Invoice's table, by its hash-rocket class_name.
  def remind_all
    invoices.update_all(reminded_at: nil)
    old_invoices.order(:due_on).first
    invoices.order(Arel.sql("COALESCE(reminded_at, due_on) DESC")).first
  end

  def touch_later
    Struct.new(:anything).new.instance_eval do
      self.whatever = 1
    end
  end
end
