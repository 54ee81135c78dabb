class Order < ApplicationRecord
  belongs_to :customer
  has_many :line_items

  scope :shipped, -> { where(orders: { state: "shipped" }) }
  scope :with_sku, ->(sku) { joins(:line_items).where(line_items: { sku: sku }) }
  scope :discounted, -> { joins(:line_items).where(line_items: { discount_cents: 1.. }) }
  scope :for_vips, -> { joins(:customer).where(customers: { vip: true }) }
  scope :dark_theme, -> { where(preferences: { theme: "dark" }) }
end
