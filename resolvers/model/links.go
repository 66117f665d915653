package model

// Link is one fact linking two entities (IRIs From and To); exactly one of
// StatementID, EventAccount and RoleID is set. The facts are named, not
// decoded: a walk builds thousands of links and a query shows a few,
// decoded when asked for.
type Link struct {
	From, To     string
	Relation     LinkRelation
	StatementID  string
	EventAccount string // the account's IRI (schema.AccountIRI)
	RoleID       string // a role of From, the person
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
