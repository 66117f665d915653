package graph

import (
	"context"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// Links returns what links an entity (with the entities merged into it) to
// others, read from the side index alone: for each role it plays in
// statements (speaker, about, target, source) the most recent ones, and
// the most recent event accounts it takes part in, each as the entities
// involved, resolved through merges. A graph walk expands hundreds of
// entities; decoding their statements would cost it seconds.
func (s *Store) Links(ctx context.Context, entity string, recent int) (*schema.Links, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	members := c.group(c.resolve(entity))
	out := &schema.Links{}
	var skeys []string
	seen := map[string]bool{}
	for _, f := range []byte{facetSpeaker, facetAbout, facetTarget, facetAccordingTo} {
		for _, m := range members {
			p := facetPrefix(f, m)
			keys, err := s.ix.scan(ctx, p, prefixEnd(p), true, recent)
			if err != nil {
				return nil, err
			}
			for _, k := range keys {
				if sk := k[len(p):]; !seen[sk] {
					seen[sk] = true
					skeys = append(skeys, sk)
				}
			}
		}
	}
	recs := make([]string, len(skeys))
	for i, sk := range skeys {
		recs[i] = string(recStatement) + sk
	}
	vals, err := s.ix.get(ctx, recs)
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		if v == nil {
			continue
		}
		a := decodeAdjacency(v)
		l := schema.StatementLink{ID: keyStatement(skeys[i]), Speaker: resolveRef(c, a.Speaker),
			Target: resolveRef(c, a.Target), AccordingTo: resolveRef(c, a.AccordingTo)}
		for _, ab := range a.About {
			if ab != "" {
				l.About = append(l.About, c.resolve(ab))
			}
		}
		out.Statements = append(out.Statements, l)
	}
	for _, m := range members {
		p := facetPrefix(facetParticipant, m)
		keys, err := s.ix.scan(ctx, p, prefixEnd(p), true, recent)
		if err != nil {
			return nil, err
		}
		vals, err := s.ix.get(ctx, keys)
		if err != nil {
			return nil, err
		}
		for i, v := range vals {
			parts := strings.Split(string(v), "\x00")
			if v == nil || len(parts) < 2 {
				continue
			}
			_, account, _ := strings.Cut(keys[i][len(p):], "\x00")
			l := schema.EventLink{Account: account, Event: parts[0], Place: resolveRef(c, parts[1])}
			for _, pa := range parts[2:] {
				l.Participants = append(l.Participants, c.resolve(pa))
			}
			out.Events = append(out.Events, l)
		}
	}
	return out, nil
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
