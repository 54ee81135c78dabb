class InvoicesController < ApplicationController
  def create
    Invoice.create!(account_id: params[:account_id], amount_cents: params[:amount_cents])
  end
end
