package store

import (
	"context"

	"github.com/huandu/go-sqlbuilder"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

type Store struct{ db *sqlx.DB }

// Bookmark reads one bookmark; modified_at came with a release whose migration is not written yet.
func (s *Store) Bookmark(ctx context.Context, id int) (map[string]any, error) {
	sb := sqlbuilder.PostgreSQL.NewSelectBuilder()
	sb.Select("id", "url", "title", "modified_at")
	sb.From("bookmark")
	sb.Where(sb.Equal("id", id))
	query, args := sb.Build()
	row := map[string]any{}
	err := s.db.QueryRowxContext(ctx, s.db.Rebind(query), args...).MapScan(row)
	return row, err
}

// RenameTag writes one column of tag.
func (s *Store) RenameTag(ctx context.Context, id int, name string) error {
	ub := sqlbuilder.NewUpdateBuilder()
	ub.Update("tag")
	ub.Set(ub.Assign("name", name))
	ub.Where(ub.Equal("id", id))
	query, args := ub.Build()
	_, err := s.db.ExecContext(ctx, s.db.Rebind(query), args...)
	return err
}

// TagsOf joins two tables: an unqualified name could be either's, so nothing is judged.
func (s *Store) TagsOf(ctx context.Context, id int) ([]string, error) {
	tb := sqlbuilder.PostgreSQL.NewSelectBuilder()
	tb.Select("name")
	tb.From("tag")
	tb.JoinWithOption(sqlbuilder.InnerJoin, "bookmark_tag", "bookmark_tag.tag_id = tag.id")
	tb.Where(tb.Equal("bookmark_id", id))
	query, args := tb.Build()
	var out []string
	err := s.db.SelectContext(ctx, &out, s.db.Rebind(query), args...)
	return out, err
}

// Search hands its builder to a helper that may add anything.
func (s *Store) Search(ctx context.Context, keyword string) ([]int, error) {
	qb := sqlbuilder.PostgreSQL.NewSelectBuilder()
	qb.Select("id")
	qb.From("bookmark")
	addFilters(qb, keyword)
	query, args := qb.Build()
	var ids []int
	err := s.db.SelectContext(ctx, &ids, s.db.Rebind(query), args...)
	return ids, err
}
