class User < ApplicationRecord
  has_many :accounts, foreign_key: :owner_id
  has_many :sessions
end
