class DropCoupons < ActiveRecord::Migration[7.1]
  def change
    drop_view :coupon_uses, materialized: true, revert_to_version: 1
    remove_column :orders, :coupon, :string
  end
end
