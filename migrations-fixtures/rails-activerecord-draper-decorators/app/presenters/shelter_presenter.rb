# Not a Draper decorator: `object` is whatever the caller passed, not a record of a known model.
class ShelterPresenter
  def initialize(object)
    @object = object
  end

  def crowded(object)
    object.kennels.where(overflow: true)
  end
end
