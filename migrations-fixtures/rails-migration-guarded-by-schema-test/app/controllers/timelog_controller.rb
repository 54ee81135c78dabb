class TimelogController < ApplicationController
  def index
    @entries = TimeEntry.spent_between(params[:from], params[:to]).where(comments: params[:q]).order(:spent_on)
    @billable = TimeEntry.where(billable: true).count
  end
end
