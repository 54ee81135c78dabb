class ProjectReport
  def initialize(owner)
    @owner = owner
  end

  def projects
    @owner.projects
  end

  # SQL text on a receiver the scan does not follow: listed as unchecked.
  def totals
    projects.select("SUM(projects.stars) AS stars").take
  end

  # Enumerable's select, with a block, and pluck with a symbol (ActiveSupport's on arrays too):
  # not queries the scan counts.
  def starred(list)
    list.select { |p| p.stars > 0 }.pluck(:title)
  end
end
