class ApplicationDecorator < Draper::Decorator
  delegate_all
end
