class NotesController < ApplicationController
  # Every assignment is a relation of Note, from its constant or from the local itself.
  def index
    notes = Note.all
    notes = notes.where(author_id: params[:author_id]) if params[:author_id].present?
    notes = notes.pinned if params[:pinned]
    notes = notes.where(folder_id: params[:folder_id]) if params[:folder_id].present?
    @notes = notes.order(:created_at)
  end

  # `||=` and a bare constant count too; the block's record is a Note.
  def archive
    stale ||= Note
    stale = stale.where(archived: false)
    stale.find_each do |note|
      note.update!(archived_by: current_user.id)
    end
  end

  # Assigned a relation of another model too: not read as one model's.
  def mixed
    rows = Note.where(pinned: true)
    rows = Author.where(active: true) if params[:authors]
    rows.where(shelf: 1)
  end

  # Assigned an array once: no relation.
  def listed
    found = Note.where(pinned: true)
    found = found.to_a if params[:all]
    found.where(shelf: 1)
  end

  # A join: the names after it may be the joined table's.
  def joined
    written = Note.joins(:author)
    written.order(:name)
  end

  # A block parameter of the same name is another variable.
  def shadowed(groups)
    picked = Note.where(pinned: true)
    groups.each { |picked| picked.where(shelf: 1) }
    picked.count
  end

  # A method with no parameters that returns a relation of one model, memoized in a variable
  # nothing else assigns: a chain on it is that model's.
  def feed
    recent_notes.where(mood: "happy").find_each { |note| note.update!(seen_at: Time.current) }
  end

  # A method that may return something else: its chains are not judged.
  def shelved
    drafts.where(shelf: 2)
  end

  private

  def recent_notes
    return @recent_notes if defined?(@recent_notes)

    notes = Note.where(archived: false)
    notes = notes.where(author_id: params[:author_id]) if params[:author_id]
    @recent_notes = notes.order(:created_at)
  end

  def drafts
    return [] if params[:none]

    Note.where(pinned: false)
  end
end
