class Milestone < ApplicationRecord
end
