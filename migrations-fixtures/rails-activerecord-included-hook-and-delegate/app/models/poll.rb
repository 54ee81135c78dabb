# Another class's association of the same name: it says nothing about Photo or Badge.
class Poll < ApplicationRecord
  belongs_to :photo
  has_one :author, through: :photo
end
