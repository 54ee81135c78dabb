# A complaint has no receiver association and no receiver column: the migration that would add
# the column has not been written.
class Complaint < ApplicationRecord
end
