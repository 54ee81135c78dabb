# Select-list aliases and joined tables' columns answer names that are not the model's columns.
class FlagReport
  def top
    Person.joins(:account)
      .group("people.id")
      .select("people.id, count(*) AS n_flags")
      .order(n_flags: :desc)
  end

  def recent_by_account_name
    Person.joins(:account).order(:name).pluck(:email, :name)
  end
end
