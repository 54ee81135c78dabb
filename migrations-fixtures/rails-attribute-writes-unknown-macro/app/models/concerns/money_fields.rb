# The project's own macro that defines methods at run time: amount= among them.
module MoneyFields
  extend ActiveSupport::Concern

  class_methods do
    def money_field(name)
      define_method("#{name}=") { |value| self["#{name}_cents"] = (value * 100).round }
    end
  end
end
