module Trackable
  extend ActiveSupport::Concern

  included do
    belongs_to :creator, class_name: "Person", optional: true
  end
end
