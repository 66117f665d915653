package resolvers

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/kg/resolvers/model"
	"github.com/newsgraph/kg/schema"
)

// Limits of the graph walks, so one query cannot make the server walk the
// whole graph.
const (
	MaxPathDepth     = 4
	MaxPaths         = 50
	MaxNeighborDepth = 2
	MaxNeighbors     = 100
	// maxVisited bounds the entities one walk expands.
	maxVisited = 2000
	// maxLinkStatements bounds, per entity and role, the statements a walk
	// reads to find its links: the most recent ones. A hub such as a
	// country speaks in thousands of statements; its most recent links are
	// the ones an analyst asks about.
	maxLinkStatements = 200
	// maxFarLinks is the same bound for the entities a walk reaches: a
	// layer holds dozens of them, and what it looks for (who they are
	// linked to) shows in their most recent links.
	maxFarLinks = 50
)

// links returns, for each entity of ids, the recent facts that link it to
// another entity: the statements it made, received, was the subject of or
// reported; the events it took part in; its roles. Each link is oriented
// from its entity. The store reads a whole layer of a walk in one call.
func (r *Resolver) links(ctx context.Context, ids []string, recent int) (map[string][]*model.Link, error) {
	// The statements and event accounts they take part in, in any role:
	// the most recent of each, read as adjacency.
	ls, err := r.Store.Links(ctx, ids, recent)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]*model.Link, len(ids))
	for i, id := range ids {
		add := func(to string, rel model.LinkRelation, l model.Link) {
			if to != "" && to != id {
				l.From, l.To, l.Relation = id, to, rel
				out[id] = append(out[id], &l)
			}
		}
		for _, s := range ls[i].Statements {
			l := model.Link{StatementID: s.ID}
			switch {
			case s.Speaker == id:
				for _, a := range s.About {
					add(a, model.LinkRelationSpokeAbout, l)
				}
				add(s.Target, model.LinkRelationAddressed, l)
				add(s.AccordingTo, model.LinkRelationReportedBy, l)
			default:
				if slices.Contains(s.About, id) {
					add(s.Speaker, model.LinkRelationSpokenAboutBy, l)
				}
				if s.Target == id {
					add(s.Speaker, model.LinkRelationAddressedBy, l)
				}
				if s.AccordingTo == id {
					add(s.Speaker, model.LinkRelationReported, l)
				}
			}
		}
		for _, e := range ls[i].Events {
			l := model.Link{EventAccount: e.Account}
			for _, p := range e.Participants {
				add(p, model.LinkRelationCoParticipant, l)
			}
			add(e.Place, model.LinkRelationEventPlace, l)
		}
		for _, ro := range ls[i].Roles {
			add(ro.Of, model.LinkRelationHoldsRoleIn, model.Link{RoleID: ro.ID})
		}
	}
	return out, nil
}

// walk runs a breadth-first search from start up to depth links, stopping
// after the layer that reaches stopAt (when given) or that brings the
// reached entities to enough (when positive). It returns, for every
// reached entity, its depth and the links reaching it from the previous layer.
func (r *Resolver) walk(ctx context.Context, start string, depth int, stopAt string, enough int) (map[string]int, map[string][]*model.Link, error) {
	dist := map[string]int{start: 0}
	via := map[string][]*model.Link{}
	frontier := []string{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		recent := maxLinkStatements
		if d > 1 {
			recent = maxFarLinks
		}
		layer, err := r.links(ctx, frontier, recent)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range frontier {
			for _, l := range layer[id] {
				seen, ok := dist[l.To]
				switch {
				case !ok:
					if len(dist) >= maxVisited {
						continue
					}
					dist[l.To] = d
					next = append(next, l.To)
					via[l.To] = append(via[l.To], l)
				case seen == d:
					via[l.To] = append(via[l.To], l)
				}
			}
		}
		if _, found := dist[stopAt]; found && stopAt != "" || enough > 0 && len(dist)-1 >= enough {
			break
		}
		slices.Sort(next)
		frontier = next
	}
	return dist, via, nil
}

// refOne resolves an entity reference to one IRI (the most mentioned when a
// name is ambiguous), or CodeNotFound.
func (r *Resolver) refOne(ctx context.Context, ref string) (string, error) {
	id, name := "", ref
	if strings.HasPrefix(ref, schema.IDBase) {
		id, name = ref, ""
	}
	e, err := r.lookupEntity(ctx, id, name)
	if err != nil {
		return "", err
	}
	if e == nil {
		return "", schema.Errorf(schema.CodeNotFound, "no entity %q: look it up with entities(filter: {name: ...})", ref)
	}
	return model.Domain(e).ID, nil
}

func clamp(v *int, def, lo, hi int, what string) (int, error) {
	n := def
	if v != nil {
		n = *v
	}
	if n < lo || n > hi {
		return 0, schema.Errorf(schema.CodeInvalid, "%s %d out of range: %d to %d", what, n, lo, hi)
	}
	return n, nil
}

// paths returns up to limit shortest chains of facts from one entity to another.
func (r *Resolver) paths(ctx context.Context, fromRef, toRef string, maxDepth, first *int) ([]*model.Path, error) {
	depth, err := clamp(maxDepth, 3, 1, MaxPathDepth, "maxDepth")
	if err != nil {
		return nil, err
	}
	limit, err := clamp(first, 10, 0, MaxPaths, "first")
	if err != nil {
		return nil, err
	}
	from, err := r.refOne(ctx, fromRef)
	if err != nil {
		return nil, err
	}
	to, err := r.refOne(ctx, toRef)
	if err != nil {
		return nil, err
	}
	if from == to {
		return []*model.Path{}, nil
	}
	_, via, err := r.walk(ctx, from, depth, to, 0)
	if err != nil {
		return nil, err
	}
	var out []*model.Path
	var chain []*model.Link
	var back func(id string)
	back = func(id string) {
		if len(out) >= limit {
			return
		}
		if id == from {
			links := slices.Clone(chain)
			slices.Reverse(links)
			out = append(out, &model.Path{Length: len(links), Links: links})
			return
		}
		for _, l := range via[id] {
			chain = append(chain, l)
			back(l.From)
			chain = chain[:len(chain)-1]
		}
	}
	back(to)
	if out == nil {
		out = []*model.Path{}
	}
	return out, nil
}

// neighbors returns the entities within depth links of an entity.
func (r *Resolver) neighbors(ctx context.Context, ref string, depth, first *int) ([]*model.Neighbor, error) {
	d, err := clamp(depth, 1, 1, MaxNeighborDepth, "depth")
	if err != nil {
		return nil, err
	}
	limit, err := clamp(first, 50, 0, MaxNeighbors, "first")
	if err != nil {
		return nil, err
	}
	start, err := r.refOne(ctx, ref)
	if err != nil {
		return nil, err
	}
	// Nearer entities are listed first, so once a layer has reached
	// limit entities the next layer cannot change the answer.
	dist, via, err := r.walk(ctx, start, d, "", limit)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Neighbor, 0, len(dist))
	for id, n := range dist {
		if id != start {
			out = append(out, &model.Neighbor{ID: id, Depth: n, Via: via[id]})
		}
	}
	// nearest first, then the most linked, then by IRI for stability
	slices.SortFunc(out, func(a, b *model.Neighbor) int {
		if a.Depth != b.Depth {
			return a.Depth - b.Depth
		}
		if len(a.Via) != len(b.Via) {
			return len(b.Via) - len(a.Via)
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
