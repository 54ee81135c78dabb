class Account < ApplicationRecord
  has_many :people
  has_many :line_items
  store_accessor :settings, :theme, :locale

  enum :status, { trial: "trial", active: "active", closed: "closed" }

  scope :recent, -> { where("created_at > ?", 30.days.ago).order(:created_at) }
  scope :named, ->(name) { where(name: name) }

  def self.open_ones
    where.not(status: "closed").order(name: :asc)
  end

  def members
    people.where(role: 1)
  end
end
