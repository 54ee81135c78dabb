class User < ApplicationRecord
  belongs_to :tenant, optional: true
  has_secure_password
end
