# frozen_string_literal: true

module Shop
  module Admin
    class OrdersController < ApplicationController
      def edit
        # The Rails 2 options hash after the conditions is ignored by find_by!.
        @order = Order.find_by!({ number: params[:order_id] }, include: :adjustments)
        @countries = Shop::Country.order(:name)
      end

      def index
        @orders = Shop::Order.complete.where(state: params[:state]).order(completed_at: :desc)
      end
    end
  end
end
