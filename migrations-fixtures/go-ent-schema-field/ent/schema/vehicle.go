package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// Vehicle is one truck of the fleet. The odometer reading is new: the mobile app reports it on
// every check-in.
type Vehicle struct {
	ent.Schema
}

func (Vehicle) Fields() []ent.Field {
	return []ent.Field{
		field.String("plate").Unique(),
		field.Enum("status").Values("active", "retired").Default("active"),
		field.Int("odometer_km").Optional().StorageKey("odometer"),
		field.Int("depot_id").Optional(),
	}
}

func (Vehicle) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("depot", Depot.Type).Ref("vehicles").Field("depot_id").Unique(),
	}
}

func (Vehicle) Mixin() []ent.Mixin {
	return []ent.Mixin{
		mixin.Time{},
	}
}

func (Vehicle) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Annotation{Table: "fleet_vehicles"},
	}
}
