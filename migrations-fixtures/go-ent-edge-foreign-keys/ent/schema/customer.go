package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

type Customer struct {
	ent.Schema
}

func (Customer) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique(),
	}
}

func (Customer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("tickets", Ticket.Type),
	}
}
