# Another model's `notes` are memos: the association's name alone does not tell the model.
class Folder < ApplicationRecord
  has_many :notes, class_name: "Memo"
end
