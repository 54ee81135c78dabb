class Security < ApplicationRecord
end
