class Task < ApplicationRecord
  belongs_to :owner
end
