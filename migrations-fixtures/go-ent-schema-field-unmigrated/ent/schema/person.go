package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// Person drives vehicles; ent's inflection names its table "people".
type Person struct {
	ent.Schema
}

func (Person) Fields() []ent.Field {
	return []ent.Field{
		field.String("name"),
	}
}
