// Package resolvers answers GraphQL over a schema.Store. Resolvers are thin:
// they translate arguments, call the store, and wrap domain values in the
// GraphQL types of package model. The executable schema gqlgen generates
// lives in resolvers/generated; regenerate it with `go generate ./resolvers`.
package resolvers

//go:generate go -C .. tool gqlgen generate --config gqlgen.yml

import (
	"context"

	"github.com/newsgraph/kg/schema"
)

// Ingester reads one article's text and stores what it says. The command
// wires it from the loader and the store, so this package depends on neither.
type Ingester interface {
	// Ingest extracts the article and writes it. created is false when the
	// same text was already stored.
	Ingest(ctx context.Context, a *schema.Article) (x *schema.Extraction, res schema.PutResult, created bool, err error)
}

// Resolver is the root resolver: the dependencies every field resolver uses.
type Resolver struct {
	Store    schema.Store
	Ingester Ingester // nil makes ingestArticle answer UNAVAILABLE
	// MaxPage is the largest page a connection returns; a larger first/last
	// is refused. Zero means DefaultMaxPage.
	MaxPage int
}

// Page sizes.
const (
	DefaultPage    = schema.DefaultPageSize
	DefaultMaxPage = 100
)

// PageMax is the largest page a connection returns (MaxPage, or
// DefaultMaxPage when unset).
func (r *Resolver) PageMax() int {
	if r.MaxPage > 0 {
		return r.MaxPage
	}
	return DefaultMaxPage
}

// New returns a root resolver over store.
func New(store schema.Store, ing Ingester) *Resolver {
	return &Resolver{Store: store, Ingester: ing}
}

// Refresher is implemented by an Ingester whose extractor must be rebuilt
// when analysts curate aliases, so that later loads honour them.
type Refresher interface {
	Refresh(ctx context.Context) error
}

// curated tells the ingester that curation changed.
func (r *Resolver) curated(ctx context.Context) error {
	if rf, ok := r.Ingester.(Refresher); ok {
		return rf.Refresh(ctx)
	}
	return nil
}
