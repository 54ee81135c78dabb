# Endless (`from..`) and beginless (`..to`) ranges as where() values: the rest of each chain is
# read like any other. `category` is a column no migration adds.
class Entry < ApplicationRecord
  scope :recent, -> { where(created_at: 1.day.ago..).where(category: "food") }

  def self.since(from)
    where(
      created_at: from..,
      kind: "expense"
    ).order(:booked_on)
  end

  def self.last_day_categories
    where(
      created_at: 1.day.ago..
    ).pluck(:category)
  end

  def self.booked_since(from)
    where(booked_on: from..)
      .order(:booked_on)
      .pluck(:amount)
  end

  def self.exclusive(from)
    where(created_at: from...).pluck(:category)
  end

  def self.until(to)
    return where(booked_on: ..to).pluck(:kind) if to
    none
  end

  def self.today_with_category
    Entry.where(created_at: Time.current.beginning_of_day..).where.not(category: nil).count
  end

  def self.large
    where(amount: 1000.., kind: "income").sum(:amount)
  end
end
