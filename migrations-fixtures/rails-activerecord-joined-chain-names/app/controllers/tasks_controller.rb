class TasksController < ApplicationController
  # A name the table lacks on a query of the model alone: Rails writes ORDER BY "due_on".
  def overdue = Task.order(due_on: :desc)

  # On a query that joins the owners, a name the tasks lack may be an owners' column: not judged.
  def by_owner = Task.joins(:owner).order(:display_name, due_at: :asc)
  def preloaded = Task.includes(:owner).order(due_on: :desc)
  def titles = Task.joins(:owner).pluck(:title, :display_name)

  # A fragment on such a query: its names may be the owners'.
  def sorted = Task.joins(:owner).order("owners.display_name DESC")
  # A column the table has is judged all the same.
  def recent = Task.left_joins(:owner).order(due_at: :desc)
  # Its own select list: a name may be one of its aliases.
  def counted = Task.select("tasks.*, 1 AS rank").order(:rank)

  # One chain, three query methods naming the same owners' column: each is listed where it names it.
  def report
    Task
      .joins(:owner)
      .order(:display_name)
      .select(:id, :display_name)
      .group(:id, :display_name)
  end
end
