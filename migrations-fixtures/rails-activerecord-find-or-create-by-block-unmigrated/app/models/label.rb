# Labels every tracker starts with, created on first boot and again by the seed task.
class Label < ApplicationRecord
  DEFAULTS = [
    ["bug", "#d73a4a", "defect"],
    ["docs", "#0075ca", "chore"],
    ["question", "#d876e3", "support"]
  ].freeze

  attr_accessor :seeded_by

  class << self
    def bootstrap!
      DEFAULTS.each do |name, color, kind|
        find_or_create_by!(name: name, kind: kind) do |label|
          label.color = color
          label.seeded_by = "bootstrap"
        end
      end
    end
  end

  def self.placeholder(name)
    find_or_initialize_by(name: name, archived: false) { |label| label.color = "#cccccc" }
  end
end
