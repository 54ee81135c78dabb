package identity

import (
	"github.com/gofrs/uuid"
	"github.com/ory/pop/v6"
)

// credentialRow is one credential with one of its identifiers: the identifier comes from the
// joined table under an output name of its own, not from a column of credentials.
type credentialRow struct {
	ID         uuid.UUID `db:"id"`
	IdentityID uuid.UUID `db:"identity_id"`
	Kind       string    `db:"kind"`
	Identifier string    `db:"identifier_text"`
}

func (credentialRow) TableName() string { return "credentials" }

func credentialsWithIdentifiers(c *pop.Connection, identity uuid.UUID) ([]credentialRow, error) {
	q := c.Select(
		"credentials.id",
		"credentials.identity_id",
		"credentials.kind",
		"COALESCE(credential_identifiers.identifier, '') identifier_text",
	).LeftJoin("credential_identifiers", "credential_identifiers.credential_id = credentials.id")
	var rows []credentialRow
	err := q.Where("credentials.identity_id = ?", identity).All(&rows)
	return rows, err
}
