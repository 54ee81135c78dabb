class Survey < ApplicationRecord
  serialize :questions, coder: JSON
end
