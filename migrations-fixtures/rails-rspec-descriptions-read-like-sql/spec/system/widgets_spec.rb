require "rails_helper"

RSpec.describe "select widgets from the list", type: :system do
  %i[admin guest].each do |role|
    context "with a #{role} user" do
      it "updates the filter from the menu" do
        visit "/widgets"
        select "Blue", from: "filter_#{role}"
        expect(page).to have_text "Blue"
      end

      it "counts what the page shows" do
        rows = ActiveRecord::Base.connection.select_all("SELECT name, size FROM widgets WHERE colour = 'blue'")
        expect(rows.count).to eq(0)
      end
    end
  end
end
