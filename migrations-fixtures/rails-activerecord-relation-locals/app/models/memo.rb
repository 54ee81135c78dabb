class Memo < ApplicationRecord
  belongs_to :folder
end
