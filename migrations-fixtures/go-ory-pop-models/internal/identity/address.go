package identity

import (
	"time"

	"github.com/gofrs/uuid"
	"github.com/ory/pop/v6"
)

// RecoveryAddress is where a lost account is recovered from. VerifiedAt shipped before the
// migration that adds its column.
type RecoveryAddress struct {
	ID         uuid.UUID  `json:"id" db:"id"`
	IdentityID uuid.UUID  `json:"-" db:"identity_id"`
	Value      string     `json:"value" db:"value"`
	Via        string     `json:"via" db:"via"`
	VerifiedAt *time.Time `json:"verified_at,omitempty" db:"verified_at"`
}

func (RecoveryAddress) TableName() string { return "recovery_addresses" }

func AddressesOf(c *pop.Connection, identity uuid.UUID) ([]RecoveryAddress, error) {
	var out []RecoveryAddress
	err := c.Where("identity_id = ?", identity).Order("value").All(&out)
	return out, err
}
