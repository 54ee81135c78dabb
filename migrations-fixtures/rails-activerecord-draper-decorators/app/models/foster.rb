# Another model's `kennels` are crates: the association's name alone no longer tells the model.
class Foster < ApplicationRecord
  has_many :kennels, class_name: "Crate"
  has_many :adoptions, class_name: "Crate"
end
