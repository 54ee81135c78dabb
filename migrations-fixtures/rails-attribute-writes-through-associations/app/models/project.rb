class Project < ApplicationRecord
  belongs_to :owner
end
