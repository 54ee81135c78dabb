class Posting < ApplicationRecord
  belongs_to :account
end
