class Badge < ApplicationRecord
end
