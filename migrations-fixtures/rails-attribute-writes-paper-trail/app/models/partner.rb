# Renamed associations: PaperTrail may define setters of other names.
class Partner < ApplicationRecord
  has_paper_trail versions: { name: :audits }

  def deactivate!
    update!(active: false)
  end
end
