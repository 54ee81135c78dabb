# Not a model: its accounts are the bank's, and its nickname is a plain reader.
class BankSnapshot
  attr_reader :nickname

  def accounts
    @accounts ||= fetch_accounts
  end
end
