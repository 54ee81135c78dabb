class PlanReportJob < ApplicationJob
  def perform
    Account.where.not(name: nil).pluck(:name)
  end
end
