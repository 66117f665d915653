package graph

import (
	"context"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// Links returns, for each entity (with the entities merged into it), what
// links it to others, read from the side index alone: for each role it
// plays in statements (speaker, about, target, source) the most recent
// ones, and the most recent event accounts it takes part in, each as the
// entities involved, resolved through merges. A graph walk expands a whole
// layer of entities in one call: a few range reads in all, one round trip
// each on PostgreSQL, instead of decoding statements entity by entity.
func (s *Store) Links(ctx context.Context, entities []string, recent int) ([]*schema.Links, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	out := make([]*schema.Links, len(entities))
	type rangeOf struct {
		entity int
		prefix string
	}
	var sts, evs []rangeOf
	var stRanges, evRanges []keyRange
	for i, e := range entities {
		out[i] = &schema.Links{}
		for _, m := range c.group(c.resolve(e)) {
			for _, f := range []byte{facetSpeaker, facetAbout, facetTarget, facetAccordingTo} {
				p := facetPrefix(f, m)
				sts = append(sts, rangeOf{i, p})
				stRanges = append(stRanges, keyRange{p, prefixEnd(p)})
			}
			p := facetPrefix(facetParticipant, m)
			evs = append(evs, rangeOf{i, p})
			evRanges = append(evRanges, keyRange{p, prefixEnd(p)})
		}
	}
	stKeys, err := s.ix.scanMany(ctx, stRanges, true, recent)
	if err != nil {
		return nil, err
	}
	evKeys, err := s.ix.scanMany(ctx, evRanges, true, recent)
	if err != nil {
		return nil, err
	}
	// One read of every statement record and event key the layer needs.
	var recs []string
	var recOf []int
	seen := make([]map[string]bool, len(entities))
	for j, keys := range stKeys {
		i, p := sts[j].entity, sts[j].prefix
		if seen[i] == nil {
			seen[i] = map[string]bool{}
		}
		for _, k := range keys {
			if sk := k[len(p):]; !seen[i][sk] {
				seen[i][sk] = true
				recs = append(recs, string(recStatement)+sk)
				recOf = append(recOf, i)
			}
		}
	}
	nst := len(recs)
	for j, keys := range evKeys {
		for _, k := range keys {
			recs = append(recs, k)
			recOf = append(recOf, evs[j].entity)
		}
	}
	vals, err := s.ix.get(ctx, recs)
	if err != nil {
		return nil, err
	}
	for n, v := range vals {
		if v == nil {
			continue
		}
		l := out[recOf[n]]
		if n < nst {
			a := decodeAdjacency(v)
			sl := schema.StatementLink{ID: keyStatement(recs[n][1:]), Speaker: resolveRef(c, a.Speaker),
				Target: resolveRef(c, a.Target), AccordingTo: resolveRef(c, a.AccordingTo)}
			for _, ab := range a.About {
				if ab != "" {
					sl.About = append(sl.About, c.resolve(ab))
				}
			}
			l.Statements = append(l.Statements, sl)
			continue
		}
		parts := strings.Split(string(v), "\x00")
		if len(parts) < 2 {
			continue
		}
		_, account, _ := strings.Cut(recs[n][facetLen:], "\x00")
		el := schema.EventLink{Account: account, Event: parts[0], Place: resolveRef(c, parts[1])}
		for _, pa := range parts[2:] {
			el.Participants = append(el.Participants, c.resolve(pa))
		}
		l.Events = append(l.Events, el)
	}
	if err := s.roleLinks(ctx, c, entities, out); err != nil {
		return nil, err
	}
	return out, nil
}

// roleLinks adds the distinct roles each entity holds (people only have
// any): the holder keys repeat a role once per article stating it, so each
// round reads the next key of every entity and skips past its role's
// other articles — as many round trips as the most roles one holds.
func (s *Store) roleLinks(ctx context.Context, c *curation, entities []string, out []*schema.Links) error {
	type cursor struct {
		entity     int
		prefix, lo string
	}
	var curs []cursor
	for i, e := range entities {
		for _, m := range c.group(c.resolve(e)) {
			p := facetPrefix(facetHolder, m)
			curs = append(curs, cursor{i, p, p})
		}
	}
	var keys []string
	var keyOf []int
	for round := 0; len(curs) > 0 && round < 64; round++ {
		ranges := make([]keyRange, len(curs))
		for j, cu := range curs {
			ranges[j] = keyRange{cu.lo, prefixEnd(cu.prefix)}
		}
		found, err := s.ix.scanMany(ctx, ranges, false, 1)
		if err != nil {
			return err
		}
		next := curs[:0]
		for j, ks := range found {
			if len(ks) == 0 {
				continue
			}
			cu := curs[j]
			role, _, _ := strings.Cut(ks[0][len(cu.prefix):], "\x00")
			keys = append(keys, ks[0])
			keyOf = append(keyOf, cu.entity)
			cu.lo = cu.prefix + role + "\x01"
			next = append(next, cu)
		}
		curs = next
	}
	vals, err := s.ix.get(ctx, keys)
	if err != nil {
		return err
	}
	for n, k := range keys {
		if vals[n] == nil {
			continue
		}
		role, _, _ := strings.Cut(k[facetLen:], "\x00")
		out[keyOf[n]].Roles = append(out[keyOf[n]].Roles, schema.RoleLink{ID: role, Of: resolveRef(c, string(vals[n]))})
	}
	return nil
}

// EventsByAccount decodes event accounts (schema.AccountIRI) in ids order,
// nil where unknown.
func (s *Store) EventsByAccount(ctx context.Context, ids []string) ([]*schema.Event, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	evs, err := s.events(ctx, c, append([]string(nil), ids...))
	if err != nil {
		return nil, err
	}
	byAccount := make(map[string]*schema.Event, len(evs))
	for _, e := range evs {
		byAccount[schema.AccountIRI(e.Article, e.Evidence)] = e
	}
	out := make([]*schema.Event, len(ids))
	for i, id := range ids {
		out[i] = byAccount[id]
	}
	return out, nil
}
