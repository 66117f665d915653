package schema

import (
	"context"
	"io"
)

// Store is the graph of facts as the rest of the product sees it. The graph
// package implements it over Cayley (bbolt, memory, PostgreSQL); resolvers and
// the CLI use only this interface, so they can be tested with the in-memory store.
//
// Read methods return results in a stable order (documented per method) so
// that cursors over them are stable. A missing ID is not an error for the
// batch methods: the slot is nil. Errors are *Error with CodeNotFound,
// CodeInvalid or CodeUnavailable where those apply, wrapped errors otherwise.
type Store interface {
	// PutExtraction writes an article and everything extracted from it in
	// one transaction, every quad labelled with the article's IRI. Writing
	// the same extraction twice changes nothing (Added is then 0).
	PutExtraction(ctx context.Context, x *Extraction) (PutResult, error)
	// PutExtractions is PutExtraction for many articles in one
	// transaction (bulk loads): every extraction is stored, or none.
	PutExtractions(ctx context.Context, xs []*Extraction) ([]PutResult, error)
	// HasArticle reports whether an article with this content hash is stored.
	HasArticle(ctx context.Context, hash string) (bool, error)
	// RetractArticle removes every quad labelled with the article's IRI,
	// leaving facts from other articles untouched. CodeNotFound if absent.
	RetractArticle(ctx context.Context, id string) error

	// Articles returns the articles matching f, newest first, then by ID.
	Articles(ctx context.Context, f ArticleFilter) ([]*Article, error)
	// ArticlesByID returns the articles in ids order (nil where unknown).
	ArticlesByID(ctx context.Context, ids []string) ([]*Article, error)
	// Entities returns the entities matching f, by name then ID. Entities
	// merged into another are not listed; their facts are the target's.
	Entities(ctx context.Context, f EntityFilter) ([]*Entity, error)
	// EntitiesByID returns the entities in ids order (nil where unknown),
	// following merges: asking for a merged entity returns its target.
	EntitiesByID(ctx context.Context, ids []string) ([]*Entity, error)
	// Statements returns the statements matching f, oldest first (by the
	// statement's date), then by article and evidence offset.
	Statements(ctx context.Context, f StatementFilter) ([]*Statement, error)
	// StatementIDs returns the IDs of the statements matching f, in the
	// order of Statements, reading as little as it can: the API pages
	// through the IDs and decodes only the page (StatementsByID).
	StatementIDs(ctx context.Context, f StatementFilter) ([]string, error)
	// StatementsByID returns the statements in ids order (nil where unknown).
	StatementsByID(ctx context.Context, ids []string) ([]*Statement, error)
	// StatementPage returns one page of the statements matching f, in the
	// order of Statements, at a cost that grows with the page rather than
	// with the matches: the API's lists go through it.
	StatementPage(ctx context.Context, f StatementFilter, p PageRequest) (*StatementPage, error)
	// CountStatements counts the statements matching f (a connection's
	// totalCount, computed only when asked for).
	CountStatements(ctx context.Context, f StatementFilter) (int, error)
	// Links returns, for each entity, what links it to others, without
	// decoding the facts: the most recent statements of each role it plays
	// and event accounts it takes part in (at most recent of each). Graph
	// walks (neighbors, paths) read it, a whole layer of entities at once.
	Links(ctx context.Context, entities []string, recent int) ([]*Links, error)
	// EventsByAccount returns event accounts by their IRI (AccountIRI), in
	// ids order (nil where unknown).
	EventsByAccount(ctx context.Context, ids []string) ([]*Event, error)
	// Events returns the event accounts matching f, by date then ID.
	Events(ctx context.Context, f EventFilter) ([]*Event, error)
	// Roles returns the roles of the given person entity, by role name.
	Roles(ctx context.Context, person string) ([]*Role, error)

	// MergeEntities records that entity from is the same as entity into;
	// reads and later loads honour it. CodeNotFound if either is unknown.
	MergeEntities(ctx context.Context, into, from string) error
	// AddAlias records an extra surface form for an entity.
	AddAlias(ctx context.Context, entity, alias string) error
	// Aliases returns the analyst curation (alias → entity IRI and
	// merged IRI → target IRI), which the loader honours on later loads.
	Curation(ctx context.Context) (*Curation, error)

	// Export writes every quad, in N-Quads ("nquads") or JSON-LD ("jsonld").
	Export(ctx context.Context, w io.Writer, format string) error
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store (and the bbolt file lock).
	Close() error
}

// PutResult tells what a PutExtraction changed.
type PutResult struct {
	Article string // the article IRI
	Added   int    // quads that were not there before
}

// Stats counts the store's content.
type Stats struct {
	Quads, Articles, Entities, Statements, Events int
}

// Curation is the analysts' corrections, persisted in the store.
type Curation struct {
	Aliases map[string]string // folded alias → entity IRI
	Merged  map[string]string // merged entity IRI → the IRI it was merged into
}

// ArticleFilter selects articles; zero fields match everything.
type ArticleFilter struct {
	Language string
	Source   string
	From, To string // inclusive date bounds, YYYY[-MM[-DD]]
	Text     string // folded substring of title
	Entity   string // articles that mention this entity IRI
}

// EntityFilter selects entities; zero fields match everything.
type EntityFilter struct {
	Type    EntityType
	Name    string // case- and accent-insensitive; matches the name or any alias
	Alias   string // case- and accent-insensitive; matches an alias exactly
	Article string // entities mentioned in this article
}

// StatementFilter selects statements; zero fields match everything. Entity
// fields take entity IRIs.
type StatementFilter struct {
	Act         Act
	Speaker     string
	About       string
	Target      string
	AccordingTo string
	Article     string
	From, To    string // inclusive date bounds on the statement's date
	Text        string // case- and accent-insensitive substring of the content or evidence
}

// PageRequest selects a window of an ordered list, as Relay connections
// do: the First items after After, or the Last items before Before. After
// and Before are Positions from an earlier page of the same store; a
// position stays valid when items are added or removed around it. With
// neither First nor Last, the page holds DefaultPageSize items.
type PageRequest struct {
	First, Last   *int
	After, Before string
}

// DefaultPageSize is the page length when a request gives neither First
// nor Last.
const DefaultPageSize = 20

// StatementPage is one window of a statement list.
type StatementPage struct {
	// IDs are the statements of the page, in list order.
	IDs []string
	// Positions[i] is the position of IDs[i], for cursors. Positions of
	// one store compare bytewise in list order, whatever the filter.
	Positions []string
	// HasPrevious and HasNext tell whether the list goes on before the
	// first and after the last item of the page.
	HasPrevious, HasNext bool
}

// Links is what links one entity to others (Store.Links).
type Links struct {
	Statements []StatementLink
	Events     []EventLink
	Roles      []RoleLink
}

// RoleLink is a role a person holds, as a graph walk sees it: the role's
// IRI and the organization or state it is held in.
type RoleLink struct {
	ID, Of string
}

// StatementLink is a statement as a graph walk sees it: its ID and the
// entities it involves.
type StatementLink struct {
	ID                           string
	Speaker, Target, AccordingTo string
	About                        []string
}

// EventLink is an event account as a graph walk sees it.
type EventLink struct {
	Account, Event, Place string
	Participants          []string
}

// EventFilter selects event accounts; zero fields match everything.
type EventFilter struct {
	Type        EventType
	Status      EventStatus
	Participant string
	Place       string
	Article     string
	From, To    string
}
