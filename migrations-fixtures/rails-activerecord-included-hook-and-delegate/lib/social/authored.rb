# A module's own included hook declares for every model that includes it, as a concern's
# `included do` does.
module Social
  module Authored
    def self.included(model)
      model.class_eval do
        belongs_to :author, class_name: "Person"

        # Methods named author_handle and author_id: no attribute, no column name for where().
        delegate :handle, :id, to: :author, prefix: true
      end
    end
  end
end
