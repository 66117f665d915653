package graph

import (
	"context"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/schema"
)

// CurationGraph is the label (and the subject) of the analysts' corrections.
// Its quads are never touched by loads or retractions:
//
//	from            mergedInto   into          <CurationGraph>
//	entity          alternateName "alias"      <CurationGraph>
//	entity          nameKey      "folded alias" <CurationGraph>
//	<CurationGraph> schema:about entity        <CurationGraph>
//
// The last kind lists every curated entity, so the curation is read through
// the subject index of one node instead of a scan for the mergedInto
// predicate (which the bbolt backend would have to do over the whole log).
const CurationGraph = schema.IDBase + "curation"

// curation is the decoded curation, with merge chains resolved.
type curation struct {
	merged  map[string]string   // from → into, as recorded
	aliases map[string]string   // folded alias → entity, as recorded
	display map[string][]string // entity → its curated aliases as written
	sources map[string][]string // final target → every id merged into it (not itself)
}

// resolve follows merges from id to the entity that now stands for it.
func (c *curation) resolve(id string) string {
	for range 64 { // a chain longer than this is a cycle written by hand
		next, ok := c.merged[id]
		if !ok || next == id {
			return id
		}
		id = next
	}
	return id
}

// group returns the target and every id merged into it, target first.
func (c *curation) group(target string) []string {
	return append([]string{target}, c.sources[target]...)
}

// beginRead takes the read lock for one read and returns the curation the
// read resolves entities through; done releases the lock.
func (s *Store) beginRead(ctx context.Context) (c *curation, done func(), err error) {
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return nil, nil, s.errClosed()
	}
	if c, err = s.loadCuration(ctx); err != nil {
		s.mu.RUnlock()
		return nil, nil, err
	}
	return c, s.mu.RUnlock, nil
}

// beginCuration takes the write lock for a curation change and returns the
// current curation; done releases the lock.
func (s *Store) beginCuration(ctx context.Context) (c *curation, done func(), err error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, nil, s.errClosed()
	}
	if c, err = s.loadCuration(ctx); err != nil {
		s.mu.Unlock()
		return nil, nil, err
	}
	return c, s.mu.Unlock, nil
}

// loadCuration reads the curation graph.
func (s *Store) loadCuration(ctx context.Context) (*curation, error) {
	if err := s.syncCache(ctx); err != nil {
		return nil, err
	}
	if c := s.cache.getCuration(); c != nil {
		return c, nil
	}
	c, err := s.readCuration(ctx)
	if err != nil {
		return nil, err
	}
	s.cache.setCuration(c)
	return c, nil
}

// readCuration is loadCuration without the cache.
func (s *Store) readCuration(ctx context.Context) (*curation, error) {
	c := &curation{merged: map[string]string{}, aliases: map[string]string{}, sources: map[string][]string{},
		display: map[string][]string{}}
	root, err := s.quadsWith(ctx, quad.Subject, iri(CurationGraph), schema.PAbout)
	if err != nil {
		return nil, err
	}
	var ids []quad.Value
	for _, q := range root {
		ids = append(ids, q.Object)
	}
	// Only the two curated predicates, through the subject-predicate
	// index: describing a curated hub (a state named in every article)
	// would read all of its quads.
	for _, pred := range []string{schema.PMergedInto, schema.PAlias} {
		qs, err := s.quadsWithAny(ctx, quad.Subject, ids, pred)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if text(q.Label) != CurationGraph {
				continue
			}
			id := text(q.Subject)
			switch pred {
			case schema.PMergedInto:
				c.merged[id] = text(q.Object)
			case schema.PAlias:
				c.aliases[schema.Fold(text(q.Object))] = id
				c.display[id] = append(c.display[id], text(q.Object))
			}
		}
	}
	for from := range c.merged {
		t := c.resolve(from)
		if t != from {
			c.sources[t] = append(c.sources[t], from)
		}
	}
	for _, v := range c.sources {
		slices.Sort(v)
	}
	return c, nil
}

// entityRoot returns the final target of id and whether it is a known
// entity (has an entity class).
func (s *Store) entityRoot(ctx context.Context, c *curation, id string) (string, bool, error) {
	t := c.resolve(id)
	n, err := s.describe(ctx, []string{t})
	if err != nil {
		return "", false, err
	}
	return t, entityType(n[t]) != "", nil
}

// MergeEntities records that entity from is the same as entity into: from's
// facts are read as into's, from is no longer listed, and EntitiesByID(from)
// returns into. Merging entities already merged is a no-op. CodeNotFound if
// either is unknown.
func (s *Store) MergeEntities(ctx context.Context, into, from string) error {
	c, done, err := s.beginCuration(ctx)
	if err != nil {
		return err
	}
	defer done()
	T, okT, err := s.entityRoot(ctx, c, into)
	if err != nil {
		return err
	}
	F, okF, err := s.entityRoot(ctx, c, from)
	if err != nil {
		return err
	}
	switch {
	case !okT:
		return schema.Errorf(schema.CodeNotFound, "no entity %q to merge into", into)
	case !okF:
		return schema.Errorf(schema.CodeNotFound, "no entity %q to merge", from)
	case T == F:
		return nil
	}
	label := iri(CurationGraph)
	return s.apply(ctx, []cgraph.Delta{
		{Action: cgraph.Add, Quad: quad.Quad{Subject: iri(F), Predicate: iri(schema.PMergedInto), Object: iri(T), Label: label}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: iri(CurationGraph), Predicate: iri(schema.PAbout), Object: iri(F), Label: label}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: iri(CurationGraph), Predicate: iri(schema.PAbout), Object: iri(T), Label: label}},
	}, nil)
}

// AddAlias records an extra surface form for an entity (for a merged
// entity, its target): the alias is listed with the entity's aliases and
// found by name lookups. CodeNotFound for an unknown entity, CodeInvalid
// for an empty alias.
func (s *Store) AddAlias(ctx context.Context, entity, alias string) error {
	alias = strings.TrimSpace(alias)
	if schema.Fold(alias) == "" {
		return schema.Errorf(schema.CodeInvalid, "alias %q has no letters or digits", alias)
	}
	c, done, err := s.beginCuration(ctx)
	if err != nil {
		return err
	}
	defer done()
	T, ok, err := s.entityRoot(ctx, c, entity)
	if err != nil {
		return err
	}
	if !ok {
		return schema.Errorf(schema.CodeNotFound, "no entity %q to add an alias to", entity)
	}
	label := iri(CurationGraph)
	return s.apply(ctx, []cgraph.Delta{
		{Action: cgraph.Add, Quad: quad.Quad{Subject: iri(T), Predicate: iri(schema.PAlias), Object: str(alias), Label: label}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: iri(T), Predicate: iri(schema.PNameKey), Object: str(schema.Fold(alias)), Label: label}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: iri(CurationGraph), Predicate: iri(schema.PAbout), Object: iri(T), Label: label}},
	}, nil)
}

// Curation returns the analysts' corrections for the loader: every added
// alias (folded) → entity, and every merged entity → its final target.
func (s *Store) Curation(ctx context.Context) (*schema.Curation, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	out := &schema.Curation{Aliases: map[string]string{}, Merged: map[string]string{}}
	for a, e := range c.aliases {
		out.Aliases[a] = c.resolve(e)
	}
	for from := range c.merged {
		out.Merged[from] = c.resolve(from)
	}
	return out, nil
}
