# A user's saved queries, each with any number of labels (a text[] column).
class SavedQuery < ApplicationRecord
  # `label` is no column: Rails writes ORDER BY "label", which is the pluck's alias.
  def self.labels_for(user_id)
    where(user_id: user_id).order(label: :asc).pluck(Arel.sql("distinct unnest(labels) as label"))
  end

  def self.labels_by_name(user_id)
    where(user_id: user_id).order("label DESC").pluck(Arel.sql("distinct unnest(labels) AS label"))
  end

  # A column the table has is still judged beside such a pluck.
  def self.first_labels(user_id)
    where(user_id: user_id).order(:created_at).pick(Arel.sql("labels[1]"))
  end

  # Plucking columns defines no alias: position is no column of saved_queries.
  def self.in_order(user_id)
    where(user_id: user_id).order(position: :asc).pluck(:id, :query)
  end
end
