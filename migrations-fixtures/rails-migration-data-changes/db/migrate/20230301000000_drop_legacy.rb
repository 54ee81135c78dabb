class DropLegacy < ActiveRecord::Migration[7.1]
  def up
    remove_column :plans, :legacy_code
    column = "price_cents"
    # A name given at run time: not judged.
    execute "UPDATE plans SET #{column} = 0 WHERE #{column} IS NULL"
    # Written before legacy_code was dropped: PostgreSQL stops the migration here.
    execute "UPDATE plans SET legacy_code = NULL"
  end
end
