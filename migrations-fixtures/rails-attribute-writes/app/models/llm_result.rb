# Every kind of setter ActiveRecord knows besides the columns: none of these keys is a column.
class LlmResult < ApplicationRecord
  include TracksCost

  belongs_to :tenant
  has_many :citations
  accepts_nested_attributes_for :citations
  has_one_attached :transcript
  with_options dependent: :destroy do
    has_many :feedbacks
  end

  attr_accessor :raw_response
  store_accessor :metadata, :temperature
  delegate :plan, :plan=, to: :tenant
  alias_attribute :tokens, :tokens_used

  enum :status, { pending: "pending", done: "done", failed: "failed" }

  validates :provider, presence: true

  def prompt=(text)
    self.prompt_hash = Digest::SHA256.hexdigest(text)
  end
end
