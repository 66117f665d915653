package graph

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// StatementIDs returns the IDs of the statements matching f, in the order of
// Statements (date, then article, then evidence offset), without decoding
// the statements: every equality filter is an index look-up, the sets are
// intersected, and only the dates of the survivors are read. This is what
// lets the API page through thousands of matches and decode only the page.
// A text filter needs the content, so it falls back to Statements.
func (s *Store) StatementIDs(ctx context.Context, f schema.StatementFilter) ([]string, error) {
	if f.Text != "" {
		sts, err := s.Statements(ctx, f)
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(sts))
		for i, st := range sts {
			ids[i] = st.ID
		}
		return ids, nil
	}
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	var sets [][]string
	add := func(ids []string, err error) error {
		if err == nil {
			slices.Sort(ids)
			sets = append(sets, slices.Compact(ids))
		}
		return err
	}
	for _, e := range []struct{ pred, id string }{
		{schema.PSpeaker, f.Speaker}, {schema.PTarget, f.Target},
		{schema.PAccordingTo, f.AccordingTo}, {schema.PAbout, f.About},
	} {
		if e.id != "" {
			if err := add(s.subjectsOfGroup(ctx, c, e.pred, e.id)); err != nil {
				return nil, err
			}
		}
	}
	if f.Article != "" {
		if err := add(s.subjectsWith(ctx, schema.PArticle, iri(f.Article))); err != nil {
			return nil, err
		}
	}
	if f.Act != "" {
		if err := add(s.subjectsWith(ctx, schema.PAct, str(string(f.Act)))); err != nil {
			return nil, err
		}
	}
	if len(sets) == 0 {
		if err := add(s.subjectsWith(ctx, schema.PType, iri(schema.ClassStatement))); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(sets, func(a, b []string) int { return len(a) - len(b) })
	ids := sets[0]
	for _, other := range sets[1:] {
		ids = intersectSorted(ids, other)
	}
	// Other nodes share some predicates (schema:about, kg:article): keep
	// statements, recognised by their IRI (write.go mints them all alike).
	ids = slices.DeleteFunc(ids, func(id string) bool { return !strings.HasPrefix(id, statementPrefix) })
	nodes, err := s.describeOnly(ctx, ids, schema.PEventDate)
	if err != nil {
		return nil, err
	}
	type keyed struct {
		id, date, article string
		start, end        int
	}
	ks := make([]keyed, 0, len(ids))
	for _, id := range ids {
		d := nodes[id].first(schema.PEventDate)
		if !inRange(d, f.From, f.To) {
			continue
		}
		k := keyed{id: id, date: d}
		k.article, k.start, k.end = statementKey(id)
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.article, b.article),
			cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.id, b.id))
	})
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.id
	}
	return out, nil
}

// StatementsByID decodes the statements in ids order (nil where unknown).
func (s *Store) StatementsByID(ctx context.Context, ids []string) ([]*schema.Statement, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	sts, err := s.statements(ctx, c, slices.Clone(ids))
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*schema.Statement, len(sts))
	for _, st := range sts {
		byID[st.ID] = st
	}
	out := make([]*schema.Statement, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// statementPrefix starts every statement IRI.
const statementPrefix = schema.IDBase + "statement/"

// statementKey reads the article, start and end that schema.StatementIRI
// puts in a statement's IRI (…/statement/<article>-<start>-<end>-<speaker>),
// the tie-breakers of the statement order after the date.
func statementKey(id string) (article string, start, end int) {
	seg := id[strings.LastIndexByte(id, '/')+1:]
	parts := strings.Split(seg, "-")
	if len(parts) < 4 {
		return seg, 0, 0
	}
	start, _ = strconv.Atoi(parts[1])
	end, _ = strconv.Atoi(parts[2])
	return parts[0], start, end
}

// intersectSorted returns the elements common to two sorted slices.
func intersectSorted(a, b []string) []string {
	out := make([]string, 0, min(len(a), len(b)))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			out = append(out, a[i])
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return out
}
