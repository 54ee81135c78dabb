module Admin
  class AccountsController < AdminController
    def load
      @other = Account.find(params[:id])
    end

    def rename
      @other.display_name = "x"
    end
  end
end
