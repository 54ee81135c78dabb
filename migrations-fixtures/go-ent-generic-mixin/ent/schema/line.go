package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"

	"example.com/billing/internal/lines"
)

// InvoiceLine is stored in invoice_lines.
type InvoiceLine struct {
	ent.Schema
}

func (InvoiceLine) Mixin() []ent.Mixin {
	return []ent.Mixin{
		lines.Mixin{},
	}
}

func (InvoiceLine) Fields() []ent.Field {
	return []ent.Field{
		field.String("name"),
	}
}
