package resolvers

import (
	"context"
	"strings"

	"github.com/newsgraph/kg/resolvers/model"
	"github.com/newsgraph/kg/schema"
)

// mustEntity loads an entity that has to exist.
func (r *Resolver) mustEntity(ctx context.Context, id string) (model.Entity, error) {
	e, err := r.entity(ctx, id)
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, schema.Errorf(schema.CodeNotFound, "no entity %s: look it up with entities(filter: {name: ...})", id)
	}
	return e, nil
}

// lookupEntity finds one entity by IRI or by name or alias. With a name
// matching several entities the most mentioned wins.
func (r *Resolver) lookupEntity(ctx context.Context, id, name string) (model.Entity, error) {
	switch {
	case id != "":
		return r.entity(ctx, id)
	case name != "":
		es, err := r.entitiesNamed(ctx, strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		var best *schema.Entity
		for _, e := range es {
			if e != nil && (best == nil || e.Mentions > best.Mentions) {
				best = e
			}
		}
		return model.WrapEntity(best), nil
	}
	return nil, schema.Errorf(schema.CodeInvalid, "entity needs an id or a name")
}

// node resolves any global ID. Resource IRIs carry their kind in their path
// (schema/iri.go), which tells which look-up to use.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	rest, ok := strings.CutPrefix(id, schema.IDBase)
	if !ok {
		return nil, nil
	}
	kind, key, _ := strings.Cut(rest, "/")
	switch kind {
	case "article":
		as, err := r.Store.ArticlesByID(ctx, []string{id})
		if err != nil || len(as) == 0 || as[0] == nil {
			return nil, err
		}
		return as[0], nil
	case "statement":
		art, _, _ := strings.Cut(key, "-")
		items, err := r.Store.Statements(ctx, schema.StatementFilter{Article: schema.IDBase + "article/" + art})
		if err != nil {
			return nil, err
		}
		for _, s := range items {
			if s.ID == id {
				return s, nil
			}
		}
		return nil, nil
	case "event":
		typ, _, _ := strings.Cut(key, "-")
		items, err := r.Store.Events(ctx, schema.EventFilter{Type: schema.EventType(strings.ToUpper(typ))})
		if err != nil {
			return nil, err
		}
		for _, e := range items {
			if e.ID == id {
				return e, nil
			}
		}
		return nil, nil
	}
	e, err := r.entity(ctx, id)
	if err != nil || e == nil {
		return nil, err
	}
	return e, nil
}

// ingest reads, extracts and stores one article given through the API.
func (r *Resolver) ingest(ctx context.Context, in model.ArticleInput) (*model.IngestResult, error) {
	if r.Ingester == nil {
		return nil, schema.Errorf(schema.CodeUnavailable, "this server does not ingest articles")
	}
	a := &schema.Article{
		Text: in.Text, Title: deref(in.Title), Date: deref(in.Date), Language: deref(in.Language),
		URL: deref(in.URL), Source: deref(in.Source),
	}
	x, res, created, err := r.Ingester.Ingest(ctx, a)
	if err != nil {
		return nil, err
	}
	out := &model.IngestResult{Article: &x.Article, Created: created, QuadsAdded: res.Added,
		Entities: make([]model.Entity, 0, len(x.Entities))}
	for i := range x.Entities {
		out.Entities = append(out.Entities, model.WrapEntity(&x.Entities[i]))
	}
	for i := range x.Statements {
		out.Statements = append(out.Statements, &x.Statements[i])
	}
	for i := range x.Events {
		out.Events = append(out.Events, &x.Events[i])
	}
	return out, nil
}
