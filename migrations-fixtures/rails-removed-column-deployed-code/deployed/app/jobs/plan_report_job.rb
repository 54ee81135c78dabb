# The release running in production still reads legacy_plan.
class PlanReportJob < ApplicationJob
  def perform
    Account.where(legacy_plan: "gold").pluck(:name)
  end
end
