class Receipt < ApplicationRecord
  auto_strip_attributes :source, squish: true
end
