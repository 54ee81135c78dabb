# An enum is backed by the column of its name; one declared with `attribute` is not.
class Ticket < ApplicationRecord
  attribute :channel, :string
  enum :channel, { email: "email", phone: "phone" }, prefix: true

  enum :priority, { low: 0, normal: 1, high: 2 }, default: :normal
  enum severity: { minor: 0, major: 1 }, _suffix: true
end
