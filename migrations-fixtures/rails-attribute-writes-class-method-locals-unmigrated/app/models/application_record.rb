class ApplicationRecord < ActiveRecord::Base
  include LibXML

  primary_abstract_class
end
