# PaperTrail's macro adds the versions association, the version reader and paper_trail_event=,
# nothing else: any other key written is a column.
class Vendor < ApplicationRecord
  has_paper_trail

  def deactivate!
    update!(active: false, paper_trail_event: "deactivate")
  end
end
