// Package model holds the GraphQL-facing types that the domain types of
// package schema do not cover: one Go type per concrete entity type (so
// gqlgen can tell a Person from a State when resolving the Entity
// interface), connections, edges and inputs (models_gen.go, generated).
package model

import "github.com/newsgraph/kg/schema"

// Person is an entity of type Person.
type Person struct{ *schema.Entity }

// State is an entity of type State.
type State struct{ *schema.Entity }

// Organization is an entity of type Organization.
type Organization struct{ *schema.Entity }

// Place is an entity of type Place.
type Place struct{ *schema.Entity }

// Agreement is an entity of type Agreement.
type Agreement struct{ *schema.Entity }

// WrapEntity returns the concrete GraphQL type for a domain entity, or nil
// for nil.
func WrapEntity(e *schema.Entity) Entity {
	if e == nil {
		return nil
	}
	switch e.Type {
	case schema.TypePerson:
		return Person{e}
	case schema.TypeState:
		return State{e}
	case schema.TypePlace:
		return Place{e}
	case schema.TypeAgreement:
		return Agreement{e}
	default:
		return Organization{e}
	}
}

// Domain returns the domain entity behind a GraphQL entity.
func Domain(e Entity) *schema.Entity {
	switch v := e.(type) {
	case Person:
		return v.Entity
	case State:
		return v.Entity
	case Organization:
		return v.Entity
	case Place:
		return v.Entity
	case Agreement:
		return v.Entity
	}
	return nil
}

func (Person) IsEntity() {}

func (State) IsEntity() {}

func (Organization) IsEntity() {}

func (Place) IsEntity() {}

func (Agreement) IsEntity() {}

// Node is any object with a global ID: the domain's Statement, Event and
// Article as well as the entity types. It is deliberately empty so that the
// domain types in package schema need no GraphQL methods.
type Node any

// Entity is implemented by the five concrete entity types.
type Entity interface {
	IsEntity()
}
