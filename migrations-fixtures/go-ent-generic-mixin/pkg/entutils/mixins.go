package entutils

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// TimeMixin stamps rows.
type TimeMixin struct {
	mixin.Schema
}

func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at"),
		field.Time("updated_at"),
	}
}

// WithMixins is a mixin that lists mixins of its own; ent never reads them itself.
type WithMixins interface {
	ent.Mixin
	Mixin() []ent.Mixin
}

// RecursiveMixin[T] is T's fields plus those of the mixins T lists.
type RecursiveMixin[T WithMixins] struct{}

func (r RecursiveMixin[T]) Fields() []ent.Field {
	var base T

	out := base.Fields()
	for _, item := range base.Mixin() {
		out = append(out, item.Fields()...)
	}
	return out
}

func (r RecursiveMixin[T]) Indexes() []ent.Index { return nil }
func (r RecursiveMixin[T]) Edges() []ent.Edge   { return nil }
func (r RecursiveMixin[T]) Hooks() []ent.Hook   { return nil }
func (r RecursiveMixin[T]) Interceptors() []ent.Interceptor { return nil }
func (r RecursiveMixin[T]) Policy() ent.Policy              { return nil }
func (r RecursiveMixin[T]) Annotations() []schema.Annotation { return nil }
