# devise defines password=, remember_me= and more: which, only the gem knows.
class Member < ApplicationRecord
  devise :database_authenticatable, :rememberable
end
