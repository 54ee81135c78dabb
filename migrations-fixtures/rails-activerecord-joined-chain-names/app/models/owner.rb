class Owner < ApplicationRecord
  has_many :tasks
end
