class Tenant < ApplicationRecord
  has_many :llm_results
  has_many :users
end
