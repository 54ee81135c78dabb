class WidgetsController < ApplicationController
  def index
    # Another model's prefix changes nothing here: widgets has no colour.
    @widgets = Widget.where(colour: params[:colour])
  end
end
