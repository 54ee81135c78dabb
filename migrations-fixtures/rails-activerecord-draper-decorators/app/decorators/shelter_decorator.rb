# Draper infers the decorated class from the name: `object` is a Shelter.
class ShelterDecorator < ApplicationDecorator
  def open_kennels
    object.kennels.where(capacity: 1..)
  end

  # heated was never migrated: Kennel has no such column.
  def warm_kennels
    object.kennels.where(heated: true)
  end

  def recent_adoptions(since)
    model.adoptions.where("adopted_on > ?", since)
  end
end
