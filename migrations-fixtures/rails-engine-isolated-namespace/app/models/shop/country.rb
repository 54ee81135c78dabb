# frozen_string_literal: true

module Shop
  class Country < ApplicationRecord
    has_many :states, -> { order('name ASC') }, inverse_of: :country

    validates :name, :iso_name, presence: true

    def self.by_iso3(code)
      where(iso3: code).first
    end
  end
end
