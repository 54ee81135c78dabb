class Photo < ApplicationRecord
  include Social::Authored
end
