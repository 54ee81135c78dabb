# The provider's own value type: `Security` inside a class that includes this is this one.
module Provider::SecurityConcept
  extend ActiveSupport::Concern

  Security = Data.define(:symbol, :name)
end
