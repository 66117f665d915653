package resolvers

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/kg/resolvers/model"
	"github.com/newsgraph/kg/schema"
)

func itoa(i int) string { return strconv.Itoa(i) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// entity loads one entity by IRI through the request's loader; "" is nil.
func (r *Resolver) entity(ctx context.Context, id string) (model.Entity, error) {
	if id == "" {
		return nil, nil
	}
	es, err := r.entities(ctx, []string{id})
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return es[0], nil
}

// entities loads entities by IRI, in order, dropping unknown ones.
func (r *Resolver) entities(ctx context.Context, ids []string) ([]model.Entity, error) {
	if len(ids) == 0 {
		return []model.Entity{}, nil
	}
	got, err := loadersFor(ctx, r).entities(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]model.Entity, 0, len(got))
	for _, e := range got {
		if e != nil {
			out = append(out, model.WrapEntity(e))
		}
	}
	return out, nil
}

// article loads one article by IRI.
func (r *Resolver) article(ctx context.Context, id string) (*schema.Article, error) {
	as, err := loadersFor(ctx, r).articles(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(as) == 0 || as[0] == nil {
		return nil, schema.Errorf(schema.CodeNotFound, "article %s is not in the store", id)
	}
	return as[0], nil
}

// resolveRef turns an entity reference (an IRI, or a name or alias matched
// case- and accent-insensitively) into the IRIs it may denote. A reference
// matching nothing yields no IRIs, so the filter matches nothing.
func (r *Resolver) resolveRef(ctx context.Context, ref string) ([]string, error) {
	ref = strings.TrimSpace(ref)
	if strings.HasPrefix(ref, schema.IDBase) {
		return []string{ref}, nil
	}
	es, err := r.entitiesNamed(ctx, ref)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(es))
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids, nil
}

// entitiesNamed returns the entities a name denotes: those with it as an
// alias (the name counts), else those whose names contain it.
func (r *Resolver) entitiesNamed(ctx context.Context, name string) ([]*schema.Entity, error) {
	es, err := r.Store.Entities(ctx, schema.EntityFilter{Alias: name})
	if err != nil || len(es) > 0 {
		return es, err
	}
	return r.Store.Entities(ctx, schema.EntityFilter{Name: name})
}

// statementsFor turns a GraphQL statement filter, whose entity fields are
// references (names or IRIs), into store filters: one per candidate IRI of
// an ambiguous name, none when a name matches nothing. The connection is
// the union of their lists.
func (r *Resolver) statementsFor(ctx context.Context, f *model.StatementFilter) ([]schema.StatementFilter, error) {
	base := schema.StatementFilter{}
	if f == nil {
		return []schema.StatementFilter{base}, nil
	}
	if f.Act != nil {
		base.Act = *f.Act
	}
	base.Article, base.From, base.To, base.Text = deref(f.Article), deref(f.From), deref(f.To), deref(f.Text)
	return expand(ctx, r, base, []refField[schema.StatementFilter]{
		{f.Speaker, func(s *schema.StatementFilter, v string) { s.Speaker = v }},
		{f.About, func(s *schema.StatementFilter, v string) { s.About = v }},
		{f.Target, func(s *schema.StatementFilter, v string) { s.Target = v }},
		{f.AccordingTo, func(s *schema.StatementFilter, v string) { s.AccordingTo = v }},
	})
}

// refField is an entity reference of a filter and how to set a resolved IRI on it.
type refField[F any] struct {
	ref *string
	set func(*F, string)
}

// expand resolves each given reference field (an IRI or a name) into the
// IRIs it may denote and returns one filter per combination. A reference
// matching nothing yields no filters, so the query matches nothing.
func expand[F any](ctx context.Context, r *Resolver, base F, fields []refField[F]) ([]F, error) {
	filters := []F{base}
	for _, fl := range fields {
		if fl.ref == nil {
			continue
		}
		ids, err := r.resolveRef(ctx, *fl.ref)
		if err != nil {
			return nil, err
		}
		next := make([]F, 0, len(filters)*len(ids))
		for _, f := range filters {
			for _, id := range ids {
				c := f
				fl.set(&c, id)
				next = append(next, c)
			}
		}
		filters = next
	}
	return filters, nil
}

// mergeRuns runs query once per filter and returns the union, deduplicated
// by key; with more than one run the union is re-sorted by cmp.
func mergeRuns[F, T any](filters []F, query func(F) ([]T, error), key func(T) string, cmp func(a, b T) int) ([]T, error) {
	if len(filters) == 0 {
		return []T{}, nil
	}
	if len(filters) == 1 {
		return query(filters[0])
	}
	seen := map[string]bool{}
	var out []T
	for _, f := range filters {
		got, err := query(f)
		if err != nil {
			return nil, err
		}
		for _, v := range got {
			if k := key(v); !seen[k] {
				seen[k] = true
				out = append(out, v)
			}
		}
	}
	slices.SortStableFunc(out, cmp)
	return out, nil
}

// eventsFor runs an event filter whose entity fields are references.
func (r *Resolver) eventsFor(ctx context.Context, f *model.EventFilter) ([]*schema.Event, error) {
	base := schema.EventFilter{}
	if f == nil {
		return r.Store.Events(ctx, base)
	}
	if f.Type != nil {
		base.Type = *f.Type
	}
	if f.Status != nil {
		base.Status = *f.Status
	}
	base.From, base.To = deref(f.From), deref(f.To)
	filters, err := expand(ctx, r, base, []refField[schema.EventFilter]{
		{f.Participant, func(e *schema.EventFilter, v string) { e.Participant = v }},
		{f.Place, func(e *schema.EventFilter, v string) { e.Place = v }},
	})
	if err != nil {
		return nil, err
	}
	return mergeRuns(filters, func(ef schema.EventFilter) ([]*schema.Event, error) {
		return r.Store.Events(ctx, ef)
	}, eventKey, func(a, b *schema.Event) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(eventKey(a), eventKey(b))
	})
}

// Entity-side connections, shared by the five entity types.

func (r *Resolver) entityStatements(ctx context.Context, e *schema.Entity, set func(*schema.StatementFilter), p pageArgs) (*model.StatementConnection, error) {
	var f schema.StatementFilter
	set(&f)
	return r.statementConnection(ctx, []schema.StatementFilter{f}, p)
}

func (r *Resolver) made(ctx context.Context, e *schema.Entity, p pageArgs) (*model.StatementConnection, error) {
	return r.entityStatements(ctx, e, func(f *schema.StatementFilter) { f.Speaker = e.ID }, p)
}

func (r *Resolver) about(ctx context.Context, e *schema.Entity, p pageArgs) (*model.StatementConnection, error) {
	return r.entityStatements(ctx, e, func(f *schema.StatementFilter) { f.About = e.ID }, p)
}

func (r *Resolver) reported(ctx context.Context, e *schema.Entity, p pageArgs) (*model.StatementConnection, error) {
	return r.entityStatements(ctx, e, func(f *schema.StatementFilter) { f.AccordingTo = e.ID }, p)
}

func (r *Resolver) targeting(ctx context.Context, e *schema.Entity, p pageArgs) (*model.StatementConnection, error) {
	return r.entityStatements(ctx, e, func(f *schema.StatementFilter) { f.Target = e.ID }, p)
}

func (r *Resolver) entityEvents(ctx context.Context, e *schema.Entity, p pageArgs) (*model.EventConnection, error) {
	items, err := r.Store.Events(ctx, schema.EventFilter{Participant: e.ID})
	if err != nil {
		return nil, err
	}
	return r.eventConnection(items, p)
}

func (r *Resolver) entityArticles(ctx context.Context, e *schema.Entity, p pageArgs) (*model.ArticleConnection, error) {
	items, err := r.Store.Articles(ctx, schema.ArticleFilter{Entity: e.ID})
	if err != nil {
		return nil, err
	}
	return r.articleConnection(items, p)
}

// optional maps the domain's "" (unknown) to GraphQL null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
