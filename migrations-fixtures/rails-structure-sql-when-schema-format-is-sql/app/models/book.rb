class Book < ApplicationRecord
  # The loans table is in the SQL schema Rails loads.
  def self.overdue_count
    connection.select_value("SELECT count(*) FROM loans WHERE due_on < now()")
  end
end
