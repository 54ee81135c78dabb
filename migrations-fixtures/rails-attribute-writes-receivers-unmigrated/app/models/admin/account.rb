# Another class named Account: BillingProfile#account still means ::Account, as Rails resolves it.
module Admin
  class Account < SimpleDelegator
  end
end

module Admin
  class Invoice < SimpleDelegator
  end
end
