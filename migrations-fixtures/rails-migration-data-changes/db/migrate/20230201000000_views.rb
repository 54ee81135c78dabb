class Views < ActiveRecord::Migration[7.1]
  def change
    create_view :plan_prices
    # Its definition file is not in the tree: the view exists, its columns are not known.
    create_view :plan_report
    replace_view :plan_prices, version: 2
  end
end
