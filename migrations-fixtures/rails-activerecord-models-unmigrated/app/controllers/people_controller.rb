class PeopleController < ApplicationController
  def index
    @people = Person.where(account_id: current_account.id, role: :owner).order(last_seen_at: :desc)
    @emails = Person.seen_since(1.week.ago).pluck(:email, :full_name)
    @named = Person.where(name: params[:q])             # alias of full_name
    @invited = Person.where(invite_code: params[:code]) # `attribute` answers writes only: a query names the column
    @by_creator = Person.where(creator: current_person) # an association from a concern
    @by_account = Person.where(account: current_account, id: params[:ids])
    @joined = Person.joins(:account).where(accounts: { status: "active" }).where("accounts.name = ?", params[:n])
    @themed = Account.where(theme: "dark")               # a store key is no column: where() still names one
    @counts = Person.group(:role).count
    @total = LineItem.where(account_id: current_account.id).sum(:amount)
    @ordered = LineItem.order("position ASC, created_at DESC").select(:id, :amount)
    @mine = current_account.people.where(email: params[:email]) # has_many :people: the Person model
    Admin::AuditEntry.where(action: "index").update_all(updated_at: Time.current)
    Ledger.where(kind: "credit").pluck(:account_id)
    Account.active.recent.where(status: "active").exists?
    Owner.by_email(params[:email])
  end
end
