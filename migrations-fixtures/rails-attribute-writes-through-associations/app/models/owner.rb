class Owner < ApplicationRecord
  has_many :projects
end
