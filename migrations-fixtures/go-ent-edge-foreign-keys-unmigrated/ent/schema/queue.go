package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Queue groups tickets by team. Tickets belong to one queue; a queue's tickets are deleted with it.
type Queue struct {
	ent.Schema
}

func (Queue) Fields() []ent.Field {
	return []ent.Field{
		field.String("name"),
	}
}

func (Queue) Edges() []ent.Edge {
	owned := func(name string, t any) ent.Edge {
		return edge.To(name, t).
			Annotations(entsql.Annotation{OnDelete: entsql.Cascade})
	}
	return []ent.Edge{
		owned("tickets", Ticket.Type),
		// Its column is named by the StorageKey: not the inverse's default name.
		edge.To("escalations", Escalation.Type).StorageKey(edge.Column("queue_id")),
	}
}
