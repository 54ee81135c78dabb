-- +migrate Up
CREATE TABLE match_scores (
  match_id UUID NOT NULL REFERENCES matches (id),
  player_id UUID NOT NULL REFERENCES players (id),
  score BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (match_id, player_id)
);

-- +migrate StatementBegin
CREATE OR REPLACE FUNCTION bump_score(m UUID, p UUID, delta BIGINT) RETURNS void AS $$
BEGIN
  UPDATE match_scores SET score = score + delta WHERE match_id = m AND player_id = p;
END;
$$ LANGUAGE plpgsql;
-- +migrate StatementEnd

-- +migrate Down
DROP FUNCTION IF EXISTS bump_score;
DROP TABLE IF EXISTS match_scores;
