CREATE TABLE playlist_tracks_track (
  "playlistId" integer NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
  "trackId" integer NOT NULL REFERENCES track (id) ON DELETE CASCADE,
  PRIMARY KEY ("playlistId", "trackId")
);
CREATE TABLE track_labels (
  track_id integer NOT NULL REFERENCES track (id),
  label_code text NOT NULL REFERENCES label (code),
  PRIMARY KEY (track_id, label_code)
);
