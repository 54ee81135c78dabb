class SnippetsController < ApplicationController
  def create
    snippet = Snippet.from_payload(params.require(:snippet), publish: params[:publish].present?)
    snippet.author = current_user
    snippet.save!
    render json: { id: snippet.id }
  end
end
