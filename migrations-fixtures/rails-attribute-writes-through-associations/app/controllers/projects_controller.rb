class ProjectsController < ApplicationController
  def star
    @project = Project.find(params[:id])
    @project.update!(stars: @project.stars + 1)
    # The owner of the project, through its belongs_to: owners has no verified_at.
    @project.owner.update!(verified_at: Time.current)
    head :ok
  end

  def rename
    project = Project.find(params[:id])
    project.owner.update_columns(email: params[:email])
    head :ok
  end

  def touch_any
    # A record of a model the scan does not know: said, not passed over.
    record_for(params).update!(title: "x")
    head :ok
  end
end
