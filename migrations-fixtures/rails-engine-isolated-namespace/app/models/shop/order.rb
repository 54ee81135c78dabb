# frozen_string_literal: true

module Shop
  class Order < ApplicationRecord
    belongs_to :country, class_name: "Shop::Country"
    has_many :adjustments

    scope :complete, -> { where.not(completed_at: nil) }
  end
end
