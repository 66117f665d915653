package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/schema"
)

// Every article restates the entities it mentions (class, name, aliases,
// links) under its own label, so a country's node gathers hundreds of
// thousands of quads in a big store, and decoding it from the quads took
// tens of seconds. The side index keeps, per entity, one key per distinct
// (kind, value, article): reading an entity is a few seeks, one per
// distinct value, plus a count of the articles mentioning it.

// Kinds of entity keys.
const (
	entClass   = 'c'
	entName    = 'n'
	entAlias   = 'a'
	entSameAs  = 's'
	entMention = 'm'
)

// entityEntries adds the entity keys of the article: the entities it
// mentions (schema.PMentionedIn marks them) and what it says of each, and
// the record of its quads about them (entity_quads.go).
func entityEntries(article string, quads []quad.Quad, out map[string][]byte) {
	mentioned := map[string]bool{}
	for _, q := range quads {
		if text(q.Predicate) == schema.PMentionedIn {
			mentioned[text(q.Subject)] = true
		}
	}
	var mine []quad.Quad
	for _, q := range quads {
		e := text(q.Subject)
		if !mentioned[e] {
			continue
		}
		mine = append(mine, q)
		var kind byte
		switch text(q.Predicate) {
		case schema.PType:
			kind = entClass
		case schema.PName:
			kind = entName
		case schema.PAlias:
			kind = entAlias
		case schema.PSameAs:
			kind = entSameAs
		case schema.PMentionedIn:
			out[facetPrefix(facetEntity, e)+string(entMention)+article] = []byte{}
			continue
		default:
			continue
		}
		v := strings.ReplaceAll(text(q.Object), "\x00", "")
		out[facetPrefix(facetEntity, e)+string(kind)+v+"\x00"+article] = []byte{}
	}
	entityQuadsEntry(article, mine, out)
}

// entitySummaries decodes the (already resolved) targets from the index,
// each with everything merged into it and its curated aliases; nil where a
// target is no entity. Mentions counts the distinct articles of the group.
func (s *Store) entitySummaries(ctx context.Context, c *curation, targets []string) ([]*schema.Entity, error) {
	type cursor struct {
		target     int
		member     string
		kind       byte
		prefix, lo string
	}
	var curs []cursor
	for i, t := range targets {
		for _, m := range c.group(t) {
			for _, k := range []byte{entClass, entName, entAlias, entSameAs} {
				p := facetPrefix(facetEntity, m) + string(k)
				curs = append(curs, cursor{i, m, k, p, p})
			}
		}
	}
	type value struct {
		target int
		member string
		kind   byte
		v      string
	}
	var vals []value
	// Each round reads the next distinct value of every cursor and skips
	// its other articles: as many rounds as the most values of one kind.
	for round := 0; len(curs) > 0 && round < 256; round++ {
		ranges := make([]keyRange, len(curs))
		for j, cu := range curs {
			ranges[j] = keyRange{cu.lo, prefixEnd(cu.prefix)}
		}
		found, err := s.ix.scanMany(ctx, ranges, false, 1)
		if err != nil {
			return nil, err
		}
		next := curs[:0]
		for j, ks := range found {
			if len(ks) == 0 {
				continue
			}
			cu := curs[j]
			v, _, _ := strings.Cut(ks[0][len(cu.prefix):], "\x00")
			vals = append(vals, value{cu.target, cu.member, cu.kind, v})
			cu.lo = cu.prefix + v + "\x01"
			next = append(next, cu)
		}
		curs = next
	}
	out := make([]*schema.Entity, len(targets))
	names := make([][]string, len(targets))
	for _, v := range vals {
		t := targets[v.target]
		switch {
		case v.kind == entClass && v.member == t:
			if typ, ok := schema.TypeOfClass(v.v); ok && out[v.target] == nil {
				out[v.target] = &schema.Entity{ID: t, Type: typ, Aliases: []string{}}
			}
		case v.kind == entName && v.member == t:
			names[v.target] = append(names[v.target], v.v)
		}
	}
	for _, v := range vals {
		e := out[v.target]
		if e == nil {
			continue
		}
		switch {
		case v.kind == entAlias, v.kind == entName && v.member != e.ID:
			e.Aliases = append(e.Aliases, v.v)
		case v.kind == entSameAs:
			e.SameAs = append(e.SameAs, v.v)
		}
	}
	for i, e := range out {
		if e == nil {
			continue
		}
		// The smallest spelling is the name; the others ("Joe biden") are
		// aliases too.
		slices.Sort(names[i])
		if len(names[i]) > 0 {
			e.Name = names[i][0]
			e.Aliases = append(e.Aliases, names[i][1:]...)
		}
		for _, m := range c.group(e.ID) {
			e.Aliases = append(e.Aliases, c.display[m]...)
		}
		e.Aliases = slices.DeleteFunc(e.Aliases, func(a string) bool { return a == e.Name })
		slices.Sort(e.Aliases)
		e.Aliases = slices.Compact(e.Aliases)
		slices.Sort(e.SameAs)
		e.SameAs = slices.Compact(e.SameAs)
		n, err := s.mentionCount(ctx, c.group(e.ID))
		if err != nil {
			return nil, err
		}
		e.Mentions = n
	}
	return out, nil
}

// mentionCount counts the distinct articles mentioning any of the members.
func (s *Store) mentionCount(ctx context.Context, members []string) (int, error) {
	if len(members) == 1 {
		p := facetPrefix(facetEntity, members[0]) + string(entMention)
		return s.ix.count(ctx, p, prefixEnd(p))
	}
	seen := map[string]bool{}
	for _, m := range members {
		p := facetPrefix(facetEntity, m) + string(entMention)
		keys, err := s.ix.scan(ctx, p, prefixEnd(p), false, 1<<30)
		if err != nil {
			return 0, err
		}
		for _, k := range keys {
			seen[k[len(p):]] = true
		}
	}
	return len(seen), nil
}

// mentionedIn reports whether the article mentions any of the members.
func (s *Store) mentionedIn(ctx context.Context, members []string, article string) (bool, error) {
	keys := make([]string, len(members))
	for i, m := range members {
		keys[i] = facetPrefix(facetEntity, m) + string(entMention) + article
	}
	vals, err := s.ix.get(ctx, keys)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(vals, func(v []byte) bool { return v != nil }), nil
}
