class MonthlyReport
  def initialize(household, account)
    @household = household
    @account = account
  end

  def rows
    # The receiver is named after the model Household, which declares has_many :accounts.
    @household.accounts.visible.where(nickname: "savings").order(:kind)
  end

  def recent_postings
    # Account has_many :postings: Posting's table.
    @account.postings.where(booked_on: Date.current.all_month).order(:posted_at)
  end

  def household_postings
    # Through accounts: the query joins them, so a fragment's names may be theirs.
    @household.postings.where("booked_on > ?", 1.month.ago).where(amount: 0)
  end

  def items
    # items is LineItem in Account and Item in Household: which one depends on the receiver.
    @account.items.where(label: "fee")
    records.items.where(colour: "red")
  end

  def local_variable
    accounts = BankSnapshot.new.accounts
    accounts.where(iban: "x")
  end
end
