class Crate < ApplicationRecord
  belongs_to :foster
end
