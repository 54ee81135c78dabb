class ReportsController < ApplicationController
  def index
    # ActiveRecord selects COUNT("items"."name") AS count_name: the order names that alias.
    @top_names = Item.where.not(name: "Other").group(:name).limit(10).order("count_name DESC").count(:name)
    @top_all = Item.group(:category).order("count_all DESC").count
    @totals = Item.group(:category).order(sum_quantity: :desc).sum(:quantity)
    # Without a calculation the order is a column's, and this one has none.
    @recent = Item.order("shelf_position DESC").limit(5)
  end
end
