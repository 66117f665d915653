package model

import "context"

// StatementConnection is a page of statements. Its totalCount is computed
// only when a query asks for it (Count): counting reads every match, a
// page reads only itself.
type StatementConnection struct {
	Edges    []*StatementEdge `json:"edges"`
	PageInfo *PageInfo        `json:"pageInfo"`
	// Count returns the number of matches of the whole list.
	Count func(ctx context.Context) (int, error) `json:"-"`
}
