# @account holds an Account in every action: its writes are the accounts table's.
class AccountsController < ApplicationController
  before_action :set_account

  def update
    @account.display_name = params[:name]
    @account.update(currency: params[:currency])
    @account.update(settings_theme: "dark", seats_cap: 3)
    @account.invoices.create!(amount_cents: 100, due_on: Date.today)
    @account.invoices.build(memo: "draft")
  end

  def close
    @other.closed_on = Date.today
    @mixed.closed_on = Date.today
  end

  private

  def set_account
    @account = Account.find(params[:id])
    @mixed = params[:user] ? User.find(params[:user]) : nil
    @mixed = Account.first
  end
end
