# Reads milestones exported from the old tracker; a row seen twice updates nothing.
class ImportMilestones
  def call(rows)
    rows.each do |row|
      Milestone.find_or_create_by!(title: row["title"], due_on: row["due"]) do |milestone|
        milestone.state = "open"
      end
      Milestone.find_or_create_by(external_ref: row["ref"]) { |m| m.title = row["title"] }
    end
  end
end
