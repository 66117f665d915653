package graph

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// Paging through statements with the side index (index.go): the cost of a
// page is the keys it reads, not the number of matches.

// StatementPage returns one window of the statements matching f, in the
// order of Statements. The first filter in order of selectivity (article,
// speaker, target, source, about, act — or the one a short sample shows
// smallest) drives a range read of its index keys; each other filter is
// one point look-up per candidate; the date range bounds the read. A text
// filter needs the content, so it falls back to Statements.
func (s *Store) StatementPage(ctx context.Context, f schema.StatementFilter, p schema.PageRequest) (*schema.StatementPage, error) {
	if f.Text != "" {
		pos, err := s.textPositions(ctx, f)
		if err != nil {
			return nil, err
		}
		return windowPositions(pos, p), nil
	}
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	q, err := s.planStatements(ctx, c, f)
	if err != nil {
		return nil, err
	}
	page := &schema.StatementPage{}
	var keys []string
	var more bool
	if p.Last != nil && p.First == nil {
		keys, more, err = q.collect(ctx, s.ix, p.After, p.Before, true, *p.Last)
		slices.Reverse(keys)
		page.HasPrevious = more || p.After != ""
		page.HasNext = p.Before != ""
	} else {
		n := schema.DefaultPageSize
		if p.First != nil {
			n = *p.First
		}
		keys, more, err = q.collect(ctx, s.ix, p.After, p.Before, false, n)
		page.HasNext = more || p.Before != ""
		page.HasPrevious = p.After != ""
		if p.Last != nil && len(keys) > *p.Last {
			keys = keys[len(keys)-*p.Last:]
			page.HasPrevious = true
		}
	}
	if err != nil {
		return nil, err
	}
	page.Positions = keys
	page.IDs = make([]string, len(keys))
	for i, k := range keys {
		page.IDs[i] = keyStatement(k)
	}
	return page, nil
}

// CountStatements counts the statements matching f: one range count when
// a single filter value and no date range apply, a read of the driving
// filter's keys otherwise.
func (s *Store) CountStatements(ctx context.Context, f schema.StatementFilter) (int, error) {
	if f.Text != "" {
		pos, err := s.textPositions(ctx, f)
		return len(pos), err
	}
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return 0, err
	}
	defer done()
	q, err := s.planStatements(ctx, c, f)
	if err != nil {
		return 0, err
	}
	if len(q.drive) == 1 && len(q.need) == 0 && q.from == "" && q.to == "" {
		return s.ix.count(ctx, q.drive[0], prefixEnd(q.drive[0]))
	}
	keys, _, err := q.collect(ctx, s.ix, "", "", false, math.MaxInt32)
	return len(keys), err
}

// textPositions lists the positions of the statements a text filter
// matches, decoding them (the content is not indexed).
func (s *Store) textPositions(ctx context.Context, f schema.StatementFilter) ([]string, error) {
	sts, err := s.Statements(ctx, f)
	if err != nil {
		return nil, err
	}
	pos := make([]string, len(sts))
	for i, st := range sts {
		pos[i] = sortKey(st.ID, st.Date)
	}
	slices.Sort(pos)
	return slices.Compact(pos), nil
}

// windowPositions applies a page request to a sorted list of positions.
func windowPositions(pos []string, p schema.PageRequest) *schema.StatementPage {
	lo, hi := 0, len(pos)
	if p.After != "" {
		lo = sort.SearchStrings(pos, p.After+"\x00")
	}
	if p.Before != "" {
		hi = sort.SearchStrings(pos, p.Before)
	}
	hi = max(hi, lo)
	page := &schema.StatementPage{HasPrevious: lo > 0, HasNext: hi < len(pos)}
	switch {
	case p.First != nil:
		if hi-lo > *p.First {
			hi, page.HasNext = lo+*p.First, true
		}
		if p.Last != nil && hi-lo > *p.Last {
			lo, page.HasPrevious = hi-*p.Last, true
		}
	case p.Last != nil:
		if hi-lo > *p.Last {
			lo, page.HasPrevious = hi-*p.Last, true
		}
	default:
		if hi-lo > schema.DefaultPageSize {
			hi, page.HasNext = lo+schema.DefaultPageSize, true
		}
	}
	page.Positions = slices.Clone(pos[lo:hi])
	page.IDs = make([]string, hi-lo)
	for i, k := range page.Positions {
		page.IDs[i] = keyStatement(k)
	}
	return page
}

// statementQuery is a statement filter as index prefixes.
type statementQuery struct {
	drive    []string   // prefixes whose union lists the candidates
	need     [][]string // per other filter: a candidate needs a key under one of them
	from, to string
}

// samplePlan is how many keys planStatements reads per filter to find the
// smallest one.
const samplePlan = 256

// planStatements turns f into index prefixes and picks the driving filter.
// Entity filters cover the entities merged into the one named.
func (s *Store) planStatements(ctx context.Context, c *curation, f schema.StatementFilter) (*statementQuery, error) {
	var facets [][]string
	add := func(fb byte, values ...string) {
		ps := make([]string, len(values))
		for i, v := range values {
			ps[i] = facetPrefix(fb, v)
		}
		facets = append(facets, ps)
	}
	if f.Article != "" {
		add(facetArticle, f.Article)
	}
	for _, e := range []struct {
		fb byte
		id string
	}{{facetSpeaker, f.Speaker}, {facetTarget, f.Target}, {facetAccordingTo, f.AccordingTo}, {facetAbout, f.About}} {
		if e.id != "" {
			add(e.fb, c.group(c.resolve(e.id))...)
		}
	}
	if f.Act != "" {
		add(facetAct, string(f.Act))
	}
	if len(facets) == 0 {
		add(facetAll, "")
	}
	q := &statementQuery{from: f.From, to: f.To}
	if len(facets) > 1 {
		// The filter with the fewest keys drives: sample each.
		best, bestN := 0, math.MaxInt
		for i, ps := range facets {
			n := 0
			for _, p := range ps {
				lo, hi := q.bounds(p, "", "")
				keys, err := s.ix.scan(ctx, lo, hi, false, samplePlan+1)
				if err != nil {
					return nil, err
				}
				n += len(keys)
			}
			if n < bestN {
				best, bestN = i, n
			}
		}
		facets[0], facets[best] = facets[best], facets[0]
	}
	q.drive, q.need = facets[0], facets[1:]
	return q, nil
}

// bounds is the key range of prefix p within the date range and strictly
// between the positions after and before ("" for no bound).
func (q *statementQuery) bounds(p, after, before string) (lo, hi string) {
	lo, hi = p, prefixEnd(p)
	if q.from != "" {
		// Dates of every precision sort under their year: start there and
		// let fromOK skip the coarser ones that fall before.
		lo = p + q.from[:min(4, len(q.from))]
	}
	if after != "" {
		lo = max(lo, p+after+"\x00")
	}
	if before != "" && (hi == "" || p+before < hi) {
		hi = p + before
	}
	return lo, hi
}

// fromOK and toOK are the two halves of inRange for a non-empty date.
func (q *statementQuery) fromOK(d string) bool {
	n := min(len(d), len(q.from))
	return q.from == "" || d[:n] >= q.from[:n]
}

func (q *statementQuery) toOK(d string) bool {
	n := min(len(d), len(q.to))
	return q.to == "" || d[:n] <= q.to[:n]
}

// collect returns up to limit positions of matching statements after
// after and before before, forwards or backwards from the far end, and
// whether more follow.
func (q *statementQuery) collect(ctx context.Context, ix indexStore, after, before string, reverse bool, limit int) ([]string, bool, error) {
	streams := make([]*keyStream, len(q.drive))
	for i, p := range q.drive {
		lo, hi := q.bounds(p, after, before)
		streams[i] = &keyStream{ix: ix, prefix: p, lo: lo, hi: hi, reverse: reverse, batch: min(max(limit+1, 16), 4096)}
	}
	dated := q.from != "" || q.to != ""
	var out []string
	var chunk []string
	flush := func() error {
		ok, err := q.filter(ctx, ix, chunk)
		if err != nil {
			return err
		}
		for i, k := range chunk {
			if ok[i] {
				out = append(out, k)
			}
		}
		chunk = chunk[:0]
		return nil
	}
	last := ""
	for len(out) <= limit {
		k, ok, err := nextMerged(ctx, streams, reverse)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			break
		}
		if k == last {
			continue // the same statement under two merged entities
		}
		last = k
		if dated {
			d := keyDate(k)
			if d == "" {
				continue
			}
			// Forwards, the first date past the end ends the list: coarser
			// dates sort before finer ones under the same prefix. Backwards
			// no such rule holds ("2021-03" passes from 2021-03-15 but sorts
			// before 2021-03-14, which fails): the read stops at the range's
			// lower bound, the year of from.
			if !reverse && !q.toOK(d) {
				break
			}
			if !q.fromOK(d) || !q.toOK(d) {
				continue
			}
		}
		chunk = append(chunk, k)
		if len(chunk) >= min(max(limit+1-len(out), 16), 1024) {
			if err := flush(); err != nil {
				return nil, false, err
			}
		}
	}
	if len(chunk) > 0 {
		if err := flush(); err != nil {
			return nil, false, err
		}
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	return out, more, nil
}

// filter reports which candidates every other filter of q also holds.
func (q *statementQuery) filter(ctx context.Context, ix indexStore, cands []string) ([]bool, error) {
	ok := make([]bool, len(cands))
	for i := range ok {
		ok[i] = true
	}
	for _, ps := range q.need {
		keys := make([]string, 0, len(cands)*len(ps))
		for _, k := range cands {
			for _, p := range ps {
				keys = append(keys, p+k)
			}
		}
		vals, err := ix.get(ctx, keys)
		if err != nil {
			return nil, err
		}
		for i := range cands {
			found := false
			for j := range ps {
				found = found || vals[i*len(ps)+j] != nil
			}
			ok[i] = ok[i] && found
		}
	}
	return ok, nil
}

// keyStream reads one prefix's keys in batches, as sort keys.
type keyStream struct {
	ix       indexStore
	prefix   string
	lo, hi   string
	reverse  bool
	batch    int
	buf      []string
	finished bool
}

func (st *keyStream) head(ctx context.Context) (string, bool, error) {
	for len(st.buf) == 0 && !st.finished {
		if st.hi != "" && st.lo >= st.hi {
			st.finished = true
			break
		}
		keys, err := st.ix.scan(ctx, st.lo, st.hi, st.reverse, st.batch)
		if err != nil {
			return "", false, err
		}
		if len(keys) < st.batch {
			st.finished = true
		}
		if n := len(keys); n > 0 {
			if st.reverse {
				st.hi = keys[n-1]
			} else {
				st.lo = keys[n-1] + "\x00"
			}
		}
		st.batch = min(st.batch*4, 4096)
		for _, k := range keys {
			st.buf = append(st.buf, strings.TrimPrefix(k, st.prefix))
		}
	}
	if len(st.buf) == 0 {
		return "", false, nil
	}
	return st.buf[0], true, nil
}

// nextMerged pops the next key in order across the streams.
func nextMerged(ctx context.Context, streams []*keyStream, reverse bool) (string, bool, error) {
	best := -1
	var bk string
	for i, st := range streams {
		k, ok, err := st.head(ctx)
		if err != nil {
			return "", false, err
		}
		if ok && (best < 0 || !reverse && k < bk || reverse && k > bk) {
			best, bk = i, k
		}
	}
	if best < 0 {
		return "", false, nil
	}
	streams[best].buf = streams[best].buf[1:]
	return bk, true, nil
}
