# A module from a gem may define setters too.
class Article < ApplicationRecord
  include Discard::Model
end
