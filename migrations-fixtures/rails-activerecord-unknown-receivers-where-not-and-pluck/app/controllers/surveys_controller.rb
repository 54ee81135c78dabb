class SurveysController < ApplicationController
  load_and_authorize_resource :survey

  def index
    # @surveys comes from an authorization gem: its model is not told here.
    open_ones = @surveys.where(closed_at: nil)
    closed = @surveys.where.not(closed_at: nil)
    render json: { open: open_ones, closed: closed, labels: @surveys.pluck("DISTINCT title") }
  end
end
