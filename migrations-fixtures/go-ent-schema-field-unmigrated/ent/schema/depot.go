package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

type Depot struct {
	ent.Schema
}

func (Depot) Fields() []ent.Field {
	return []ent.Field{
		field.String("name"),
		field.String("city").Optional(),
	}
}

func (Depot) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("vehicles", Vehicle.Type),
	}
}
