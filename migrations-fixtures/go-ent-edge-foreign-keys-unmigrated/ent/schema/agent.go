package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

type Agent struct {
	ent.Schema
}

func (Agent) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle"),
	}
}

func (Agent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("watching", Ticket.Type),
	}
}
