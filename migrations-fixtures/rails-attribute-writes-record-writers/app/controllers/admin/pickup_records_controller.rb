class Admin::PickupRecordsController < ApplicationController
  def update
    @pickup_record = PickupRecord.find(params[:id])
    if @pickup_record.update(permitted_parameters)
      redirect_to admin_pickup_records_path
    else
      render :edit, locals: {record: (@pickup_record.attributes = permitted_parameters)}
    end
  end

  private

  def permitted_parameters
    params.require(:pickup_record).permit(:display_code, :display_prefix)
  end
end
