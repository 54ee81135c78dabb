# Kept for history after the migrations were squashed; Rails no longer runs it.
class BackfillScores < ActiveRecord::Migration[4.2]
  def up
    execute "UPDATE stories SET score = upvotes - downvotes join votes"
  end
end
