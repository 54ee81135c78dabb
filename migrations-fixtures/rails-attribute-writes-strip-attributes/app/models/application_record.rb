# strip_attributes (the gem) only adds a before_validation callback: it defines no setter, so the
# writes of every model below are still known.
class ApplicationRecord < ActiveRecord::Base
  primary_abstract_class

  strip_attributes
end
