package model

import "github.com/newsgraph/kg/schema"

// Link is one fact linking two entities (IRIs From and To); exactly one of
// Statement, Event and Role is set.
type Link struct {
	From, To  string
	Relation  LinkRelation
	Statement *schema.Statement
	Event     *schema.Event
	Role      *schema.Role
}

// Neighbor is an entity reached from a start entity in Depth links.
type Neighbor struct {
	ID    string
	Depth int
	Via   []*Link
}

// SearchResults carries the search text to its two connections.
type SearchResults struct {
	Text string
}
