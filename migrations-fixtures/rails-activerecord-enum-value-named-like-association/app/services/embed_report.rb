class EmbedReport
  # From a record, `links` is the association; `external` is then Link's enum scope.
  def self.external_targets(page)
    page.links.external.pluck(:target)
  end
end
