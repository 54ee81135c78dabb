// Models live in a package of their own that does not import GORM; the store package does, and
// hands API to GORM, so its table is GORM v2's default name: apis.
package model

type API struct {
	ID       string `gorm:"primaryKey"`
	Name     string
	Audience string
	// Added for a release; no migration adds it yet.
	AllowCIMDClients bool `gorm:"column:allow_cimd_clients"`
}

// APIUsage is a result row of a report: nothing hands it to GORM as a model.
type APIUsage struct {
	APIID string `gorm:"column:api_id"`
	Calls int
}
