class UpgradePromptJob < ApplicationJob
  def perform
    User.where(last_prompted_upgrade_sha: nil).pluck(:email)
  end
end
