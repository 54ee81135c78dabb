# A concern of the project: what it declares is known.
module TracksCost
  extend ActiveSupport::Concern

  included do
    attribute :cost_estimate, :decimal
    before_save :round_cost
  end

  class_methods do
    def costly
      where("tokens_used > ?", 10_000)
    end
  end

  def round_cost
    self.cost_estimate = cost_estimate&.round(4)
  end
end
