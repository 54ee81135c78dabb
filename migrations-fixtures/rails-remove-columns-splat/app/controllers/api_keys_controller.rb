class ApiKeysController < ApplicationController
  def index
    # push_rubygem went with the legacy scope columns.
    @pushers = ApiKey.where(push_rubygem: true).pluck(:name)
  end
end
