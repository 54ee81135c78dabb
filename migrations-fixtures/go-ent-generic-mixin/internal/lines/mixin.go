package lines

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"example.com/billing/pkg/entutils"
)

// Mixin gives a line its amounts and its timestamps.
type Mixin = entutils.RecursiveMixin[mixinBase]

type mixinBase struct {
	mixin.Schema
}

func (mixinBase) Mixin() []ent.Mixin {
	return []ent.Mixin{
		entutils.TimeMixin{},
	}
}

func (mixinBase) Fields() []ent.Field {
	return []ent.Field{
		field.String("currency"),
		// Added for a release; no migration adds it yet.
		field.Float("amount_discounted"),
	}
}
