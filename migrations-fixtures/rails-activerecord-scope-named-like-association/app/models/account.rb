class Account < ApplicationRecord
  belongs_to :family
end
