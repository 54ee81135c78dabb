class Invoice < ApplicationRecord
  include MoneyFields
  money_field :amount
end
