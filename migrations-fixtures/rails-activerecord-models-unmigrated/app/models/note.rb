class Note < ApplicationRecord
  belongs_to :person
end
