class DropPersonNickname < ActiveRecord::Migration[7.1]
  def change
    add_column :people, :nickname, :string
    remove_column :people, :nickname, :string
  end
end
