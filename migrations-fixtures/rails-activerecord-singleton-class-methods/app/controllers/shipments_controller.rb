class ShipmentsController < ApplicationController
  def index
    @late = Shipment.undelivered(Time.current).where(priority: true).order(:eta)
    @stopping = Shipment.with_stops.order(:position)
    @recent = Shipment.recent(params[:all]).where(priority: true)
  end
end
