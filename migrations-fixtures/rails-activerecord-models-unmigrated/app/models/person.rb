class Person < ApplicationRecord
  include Trackable

  self.ignored_columns += ["nickname"]

  belongs_to :account
  attribute :invite_code, :string
  alias_attribute :name, :full_name

  enum role: { member: 0, owner: 1 }

  scope :seen_since, ->(t) { where("last_seen_at >= :t", t: t) }
end
