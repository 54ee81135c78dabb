# @other is assigned here and in a subclass from different models: not certain in either.
class AdminController < ApplicationController
  def load
    @other = User.find(params[:id])
  end
end
