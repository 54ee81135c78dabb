package store

import (
	"xorm.io/builder"
	"xorm.io/xorm"
)

type Issue struct {
	ID     int64  `xorm:"pk autoincr 'id'"`
	Title  string `xorm:"'title'"`
	RepoID int64  `xorm:"'repo_id'"`
}

func (Issue) TableName() string { return "issue" }

type Store struct{ engine *xorm.Engine }

// Open builds its session over statements: state and priority are in no migration.
func (s *Store) Open(repo int64, urgent bool) ([]*Issue, error) {
	var out []*Issue
	sess := s.engine.Where("repo_id = ?", repo)
	sess.And(builder.Eq{"state": "open"})
	if urgent {
		sess = sess.Desc("priority")
	}
	return out, sess.Find(&out)
}

// Page counts first, with the condition (closed_at is in no migration: reported at the count);
// xorm then resets the session's conditions, so the Find below is not read with them.
func (s *Store) Page(repo int64) ([]*Issue, int64, error) {
	var out []*Issue
	sess := s.engine.Where("closed_at IS NULL")
	total, err := sess.Count(&Issue{})
	if err != nil {
		return nil, 0, err
	}
	return out, total, sess.Limit(20).Find(&out)
}

// Filtered hands its session to a helper, which may join another table: not read.
func (s *Store) Filtered(repo int64) ([]*Issue, error) {
	var out []*Issue
	sess := s.engine.Where("label = ?", "bug")
	withRepo(sess, repo)
	return out, sess.Find(&out)
}

func withRepo(sess *xorm.Session, repo int64) { sess.And("repo_id = ?", repo) }
