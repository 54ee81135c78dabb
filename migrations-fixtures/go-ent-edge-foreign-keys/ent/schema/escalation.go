package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

type Escalation struct {
	ent.Schema
}

func (Escalation) Fields() []ent.Field {
	return []ent.Field{
		field.String("reason"),
	}
}

func (Escalation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("queue", Queue.Type).Ref("escalations").Unique(),
	}
}
