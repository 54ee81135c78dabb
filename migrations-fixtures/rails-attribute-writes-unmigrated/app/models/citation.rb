class Citation < ApplicationRecord
  belongs_to :llm_result
end
