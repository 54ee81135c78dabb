class ApiKey < ApplicationRecord
end
