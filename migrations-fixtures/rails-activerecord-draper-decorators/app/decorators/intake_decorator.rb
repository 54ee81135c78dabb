# `decorates` names the class: `object` is a Shelter here too.
class IntakeDecorator < Draper::Decorator
  decorates :shelter

  def pending
    object.adoptions.where(adopted_on: nil, approved: false)
  end
end
