package store

import sq "github.com/Masterminds/squirrel"

// Visible limits a select to the rows created up to a transaction.
func Visible(b sq.SelectBuilder, tx uint64) sq.SelectBuilder {
	return b.Where(sq.LtOrEq{"created_tx": tx})
}

// Subjects lists who holds a relation on an entity.
func Subjects(entityType, entityID, relation string, tx uint64) (string, []any, error) {
	b := sq.Select("subject_id").From("relation_tuples").
		Where(sq.Eq{"entity_type": entityType, "entity_id": entityID, "relation": relation}).
		OrderBy("subject_id")
	return Visible(b, tx).PlaceholderFormat(sq.Dollar).ToSql()
}

// Granted counts the tuples of a subject; the column is not migrated.
func Granted(subjectID string) (string, []any, error) {
	return sq.Select("count(*)").From("relation_tuples").Where(sq.Eq{"subject_kind": "user", "subject_id": subjectID}).ToSql()
}
