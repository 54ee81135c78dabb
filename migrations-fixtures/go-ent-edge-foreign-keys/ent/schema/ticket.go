package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Ticket: one customer request. Follow-ups hang under the ticket they continue.
type Ticket struct {
	ent.Schema
}

func (Ticket) Fields() []ent.Field {
	return []ent.Field{
		field.String("subject"),
		field.Int("customer_id"),
	}
}

func (Ticket) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("queue", Queue.Type).
			Ref("tickets").
			Unique().
			Required(),
		edge.To("follow_ups", Ticket.Type).
			From("parent").
			Unique(),
		edge.From("customer", Customer.Type).
			Ref("tickets").
			Field("customer_id").
			Unique().
			Required(),
		// M2M: a join table ent names itself; not a column of tickets.
		edge.From("watchers", Agent.Type).
			Ref("watching"),
	}
}
