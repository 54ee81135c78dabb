class LineItem < ApplicationRecord
  belongs_to :account
end
