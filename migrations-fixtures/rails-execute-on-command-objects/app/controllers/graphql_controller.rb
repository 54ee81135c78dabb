class GraphqlController < ApplicationController
  def execute
    result = BillingSchema.execute(params[:query], variables: params[:variables], context: {})
    render json: result
  end
end
