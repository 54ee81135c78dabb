package billing

import (
	"github.com/uptrace/bun"

	"example.com/billing/internal/core"
)

type Customer struct {
	bun.BaseModel `bun:"table:customers,alias:c"`

	ID       int64      `bun:",pk,autoincrement"`
	Email    string     `bun:"email,notnull,unique"`
	Invoices []*Invoice `bun:"rel:has-many,join:id=customer_id"`
}

// Invoice gained a tax region for the EU VAT rollout: every query of the model selects it.
type Invoice struct {
	bun.BaseModel `bun:"table:invoices,alias:i"`
	core.Timestamps

	ID          int64 `bun:",pk,autoincrement"`
	CustomerID  int64
	AmountCents int64        `bun:"amount_cents,notnull"`
	PaidAt      bun.NullTime `bun:"paid_at"`
	TaxRegionID string
	Customer    *Customer `bun:"rel:belongs-to,join:customer_id=id"`
	PDF         []byte    `bun:"-"`
	LineCount   int       `bun:",scanonly"`
	draft       bool
}
