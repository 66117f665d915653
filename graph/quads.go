package graph

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/newsgraph/kg/schema"
)

// This file is the thin layer over Cayley: building strict RDF values,
// reading the quads that touch one node through an index, and decoding
// values back into Go strings and numbers.

// iri is an absolute IRI node.
func iri(s string) quad.Value { return quad.IRI(s) }

// str is a plain (xsd:string) literal.
func str(s string) quad.Value { return quad.String(s) }

// integer is an xsd:integer literal. quad.Int is not used because Cayley
// writes it with a schema.org datatype in some paths; strict checkers want xsd.
func integer(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: quad.IRI(schema.XSDInteger)}
}

// double is an xsd:double literal, or nil for values xsd cannot spell the
// way strconv does (infinities); NaN is spelled as xsd wants.
func double(f float64) quad.Value {
	switch {
	case math.IsNaN(f):
		return quad.TypedString{Value: "NaN", Type: quad.IRI(schema.XSDDouble)}
	case math.IsInf(f, 0):
		return nil
	}
	return quad.TypedString{Value: quad.String(strconv.FormatFloat(f, 'g', -1, 64)), Type: quad.IRI(schema.XSDDouble)}
}

var (
	reYear  = regexp.MustCompile(`^[0-9]{4}$`)
	reMonth = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)
	reDay   = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
)

// date is the literal of a YYYY[-MM[-DD]] date, typed by its precision
// (xsd:gYear, xsd:gYearMonth, xsd:date). A date in any other shape is kept
// as a plain string rather than lost or mis-typed.
func date(s string) quad.Value {
	var t string
	switch {
	case reDay.MatchString(s):
		t = schema.XSDDate
	case reMonth.MatchString(s):
		t = schema.XSDGYearMonth
	case reYear.MatchString(s):
		t = schema.XSDGYear
	default:
		return str(s)
	}
	return quad.TypedString{Value: quad.String(s), Type: quad.IRI(t)}
}

// text returns the lexical form of any value: the IRI, the string, the
// lexical form of a typed literal.
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.BNode:
		return "_:" + string(v)
	case quad.TypedStringer:
		return string(v.TypedString().Value)
	}
	return quad.StringOf(v)
}

// strict rewrites Cayley's native values (quad.Int, quad.Float, quad.Time,
// quad.Bool), which a backend may hand back for typed literals, as typed
// strings with xsd datatypes, so that exports stay strict RDF.
func strict(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.Int:
		return integer(int(v))
	case quad.Float:
		if d := double(float64(v)); d != nil {
			return d
		}
		return str(strconv.FormatFloat(float64(v), 'g', -1, 64))
	case quad.Bool:
		// Cayley spells it "True"; xsd:boolean wants "true".
		return quad.TypedString{Value: quad.String(strconv.FormatBool(bool(v))), Type: quad.IRI(schema.XSD + "boolean")}
	case quad.Time:
		ts := v.TypedString()
		return quad.TypedString{Value: ts.Value, Type: ts.Type.Full()}
	}
	return v
}

// strictQuad applies strict to every element of q.
func strictQuad(q quad.Quad) quad.Quad {
	return quad.Quad{Subject: strict(q.Subject), Predicate: strict(q.Predicate), Object: strict(q.Object), Label: strict(q.Label)}
}

// quadsWith returns the quads whose dir element is v, restricted to predicate
// pred unless pred is "".
func (s *Store) quadsWith(ctx context.Context, dir quad.Direction, v quad.Value, pred string) ([]quad.Quad, error) {
	return s.quadsWithAny(ctx, dir, []quad.Value{v}, pred)
}

// quadsWithAny is quadsWith for several values in one scan.
func (s *Store) quadsWithAny(ctx context.Context, dir quad.Direction, vals []quad.Value, pred string) ([]quad.Quad, error) {
	raw, err := s.scan(ctx, dir, vals, pred)
	if err != nil {
		return nil, err
	}
	return s.materialize(ctx, raw)
}

// refQuad is a quad as the backend's node refs, before values are fetched.
type refQuad [4]cgraph.Ref

// missing reports whether a node ref names no stored node (the kv backend
// answers a batch lookup of an unknown value with id 0, not nil).
func missing(r cgraph.Ref) bool {
	return r == nil || r == kv.Int64Value(0)
}

// scan returns the ref quads whose dir element is one of vals (and whose
// predicate is pred unless pred is ""). It resolves the values in one batch,
// walks Cayley's index for each, and compares predicate refs, so nothing is
// decoded yet; PostgreSQL does it all in one query.
func (s *Store) scan(ctx context.Context, dir quad.Direction, vals []quad.Value, pred string) ([]refQuad, error) {
	return s.scanQuads(ctx, dir, vals, pred, false)
}

// scanTriples is scan for callers that ignore labels: the result may hold
// each (subject, predicate, object) once, without its label (PostgreSQL
// dedupes in the query; the other backends return every quad, as scan).
func (s *Store) scanTriples(ctx context.Context, dir quad.Direction, vals []quad.Value, pred string) ([]refQuad, error) {
	return s.scanQuads(ctx, dir, vals, pred, true)
}

func (s *Store) scanQuads(ctx context.Context, dir quad.Direction, vals []quad.Value, pred string, triples bool) ([]refQuad, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	if s.pg != nil {
		return pgScan(ctx, s.pg, dir, vals, pred, triples)
	}
	lookup := vals
	if pred != "" {
		lookup = append(slices.Clip(vals), iri(pred))
	}
	rs, err := s.refsOf(ctx, lookup)
	if err != nil {
		return nil, err
	}
	var pref cgraph.Ref
	var pkey any
	if pred != "" {
		pref, rs = rs[len(rs)-1], rs[:len(rs)-1]
		if missing(pref) {
			return nil, nil
		}
		pkey = refs.ToKey(pref)
	}
	var out []refQuad
	for _, ref := range rs {
		if missing(ref) {
			continue
		}
		if out, err = s.scanRef(ctx, dir, ref, pref, pkey, out); err != nil {
			return nil, err
		}
	}
	return out, ctx.Err()
}

// refsOf resolves values to node refs, missing ones as nil or id 0: in one
// read transaction on bbolt, one by one elsewhere (Cayley's generic batch
// lookup fails on the first unknown value instead).
func (s *Store) refsOf(ctx context.Context, vals []quad.Value) ([]cgraph.Ref, error) {
	if s.backend == BackendBolt {
		rs, err := cgraph.RefsOf(ctx, s.qs, vals)
		if err != nil {
			return nil, fmt.Errorf("look up %d values: %w", len(vals), err)
		}
		return rs, nil
	}
	rs := make([]cgraph.Ref, len(vals))
	for i, v := range vals {
		r, err := s.qs.ValueOf(v)
		if err != nil {
			return nil, fmt.Errorf("look up %s: %w", v, err)
		}
		rs[i] = r
	}
	return rs, nil
}

// keysOf returns the refs.ToKey keys of the values' node refs, nil for
// values not in the store, to compare with the refs of scanned quads.
func (s *Store) keysOf(ctx context.Context, vals []quad.Value) ([]any, error) {
	out := make([]any, len(vals))
	if s.pg != nil {
		for i, v := range vals {
			out[i] = refs.ToKey(csql.HashOf(v))
		}
		return out, nil
	}
	rs, err := s.refsOf(ctx, vals)
	if err != nil {
		return nil, err
	}
	for i, r := range rs {
		if !missing(r) {
			out[i] = refs.ToKey(r)
		}
	}
	return out, nil
}

// scanRef appends to out the ref quads of one index walk.
func (s *Store) scanRef(ctx context.Context, dir quad.Direction, ref, pref cgraph.Ref, pkey any, out []refQuad) ([]refQuad, error) {
	it := s.index(dir, ref, pref).Iterate()
	defer it.Close()
	var err error
	for it.Next(ctx) {
		r := it.Result()
		var rq refQuad
		for i, d := range quad.Directions {
			if rq[i], err = s.qs.QuadDirection(r, d); err != nil {
				return nil, fmt.Errorf("read quad: %w", err)
			}
		}
		if pkey != nil && refs.ToKey(rq[1]) != pkey {
			continue
		}
		out = append(out, rq)
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("iterate quads: %w", err)
	}
	return out, nil
}

// Cayley's kv indexes, as kv.Init creates them: (subject, predicate) and
// (object, predicate, subject).
var (
	kvSP  = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	kvOPS = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

// index returns the iterator over the quads whose dir is ref (and whose
// predicate is pred, when not nil). On bbolt a fixed (subject, predicate)
// or (object, predicate) is a prefix of one of the kv indexes, so it is
// scanned directly instead of scanning every quad of the node and
// filtering; the caller still checks the predicate, so the fallback is
// merely slower.
func (s *Store) index(dir quad.Direction, ref, pred cgraph.Ref) iterator.Shape {
	if pred != nil && s.backend == BackendBolt {
		v, okv := ref.(kv.Int64Value)
		p, okp := pred.(kv.Int64Value)
		if okv && okp {
			switch dir {
			case quad.Subject:
				return kv.IndexScan{Index: kvSP, Values: []uint64{uint64(v), uint64(p)}}.BuildIterator(s.qs)
			case quad.Object:
				return kv.IndexScan{Index: kvOPS, Values: []uint64{uint64(v), uint64(p)}}.BuildIterator(s.qs)
			}
		}
	}
	return s.qs.QuadIterator(dir, ref)
}

// valuesOf fetches the values of node refs in one batch, in order.
func (s *Store) valuesOf(ctx context.Context, rs []cgraph.Ref) ([]quad.Value, error) {
	var vals []quad.Value
	var err error
	if s.pg != nil {
		vals, err = pgValues(ctx, s.pg, rs)
	} else {
		vals, err = cgraph.ValuesOf(ctx, s.qs, rs)
	}
	if err != nil {
		return nil, fmt.Errorf("read %d values: %w", len(rs), err)
	}
	return vals, nil
}

// materialize fetches the values of ref quads in one batch (one read
// transaction on bbolt), each distinct node once.
func (s *Store) materialize(ctx context.Context, raw []refQuad) ([]quad.Quad, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	index := map[any]int{}
	var uniq []cgraph.Ref
	for _, rq := range raw {
		for _, r := range rq {
			if r == nil {
				continue
			}
			k := refs.ToKey(r)
			if _, ok := index[k]; !ok {
				index[k] = len(uniq)
				uniq = append(uniq, r)
			}
		}
	}
	vals, err := s.valuesOf(ctx, uniq)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(raw))
	for _, rq := range raw {
		var q quad.Quad
		for i, d := range quad.Directions {
			if rq[i] != nil {
				q.Set(d, vals[index[refs.ToKey(rq[i])]])
			}
		}
		if q.IsValid() {
			out = append(out, q)
		}
	}
	return out, nil
}

// subjectsWith returns the distinct subjects of the quads (?, pred, obj),
// sorted: the inverse lookup "which nodes have this value for pred".
func (s *Store) subjectsWith(ctx context.Context, pred string, obj quad.Value) ([]string, error) {
	key := pred + " " + obj.String()
	if ids, ok := s.cache.subjects(key); ok {
		return slices.Clone(ids), nil
	}
	ids, err := s.readSubjectsWith(ctx, pred, obj)
	if err != nil {
		return nil, err
	}
	s.cache.putSubjects(key, ids)
	return slices.Clone(ids), nil
}

// readSubjectsWith is subjectsWith without the cache.
func (s *Store) readSubjectsWith(ctx context.Context, pred string, obj quad.Value) ([]string, error) {
	raw, err := s.scanTriples(ctx, quad.Object, []quad.Value{obj}, pred)
	if err != nil {
		return nil, err
	}
	// Many articles state the same (subject, pred, obj) under their own
	// labels: decode each subject once.
	seen := make(map[any]bool, len(raw))
	var subjects []refQuad
	for _, rq := range raw {
		if k := refs.ToKey(rq[0]); !seen[k] {
			seen[k] = true
			subjects = append(subjects, refQuad{rq[0], rq[1], rq[2]})
		}
	}
	qs, err := s.materialize(ctx, subjects)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		out = append(out, text(q.Subject))
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// describe returns the outgoing quads of each subject, in one call: the
// workhorse of every read, so that a batch of N ids costs N index prefix
// scans and no full scan.
func (s *Store) describe(ctx context.Context, subjects []string) (map[string]node, error) {
	return s.describeOnly(ctx, subjects, "")
}

// describeOnly is describe restricted to one predicate (all of them when
// pred is ""): only the matching quads are decoded.
func (s *Store) describeOnly(ctx context.Context, subjects []string, pred string) (map[string]node, error) {
	out := make(map[string]node, len(subjects))
	var vals []quad.Value
	for _, id := range subjects {
		if _, done := out[id]; done || id == "" {
			continue
		}
		out[id] = node{id: id}
		vals = append(vals, iri(id))
	}
	raw, err := s.scan(ctx, quad.Subject, vals, pred)
	if err != nil {
		return nil, err
	}
	qs, err := s.materialize(ctx, raw)
	if err != nil {
		return nil, err
	}
	for _, q := range qs {
		id := text(q.Subject)
		n := out[id]
		n.quads = append(n.quads, q)
		out[id] = n
	}
	return out, nil
}

// node is one subject with its outgoing quads, all labels together.
type node struct {
	id    string
	quads []quad.Quad
}

// first returns the smallest value of pred (stable when two articles
// disagree), or "".
func (n node) first(pred string) string {
	vs := n.all(pred)
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// all returns the distinct values of pred, sorted.
func (n node) all(pred string) []string {
	var out []string
	for _, q := range n.quads {
		if text(q.Predicate) == pred {
			out = append(out, text(q.Object))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// in returns the node restricted to the quads labelled label, or the node
// itself when it has none with that label (facts written without one).
func (n node) in(label string) node {
	var qs []quad.Quad
	for _, q := range n.quads {
		if text(q.Label) == label {
			qs = append(qs, q)
		}
	}
	if len(qs) == 0 {
		return n
	}
	return node{id: n.id, quads: qs}
}

// has reports whether the node has the quad (node, pred, obj) in any label.
func (n node) has(pred, obj string) bool {
	for _, q := range n.quads {
		if text(q.Predicate) == pred && text(q.Object) == obj {
			return true
		}
	}
	return false
}

// integer returns pred's value as an int (0 when absent or malformed).
func (n node) integer(pred string) int {
	i, _ := strconv.Atoi(n.first(pred))
	return i
}

// double returns pred's value as a float64 (0 when absent or malformed).
func (n node) double(pred string) float64 {
	f, _ := strconv.ParseFloat(n.first(pred), 64)
	return f
}

// apply writes the deltas in one transaction, ignoring duplicates and
// missing quads so that a replay changes nothing.
func (s *Store) apply(ctx context.Context, deltas []cgraph.Delta, ops *ixOps) error {
	if len(deltas) == 0 && ops.empty() {
		return nil
	}
	// Emptied before and whatever the outcome: a failed write may have
	// applied part of the deltas on the memory backend.
	s.cache.reset()
	if s.hook != nil {
		// bbolt: deletions, additions and index changes in one commit
		// (see hookKV for why Cayley gets them in two writes).
		var dels, adds []cgraph.Delta
		for _, d := range deltas {
			if d.Action == cgraph.Delete {
				dels = append(dels, d)
			} else {
				adds = append(adds, d)
			}
		}
		err := s.hook.atomically(ctx, func(tx hkv.Tx) error {
			for _, part := range [][]cgraph.Delta{dels, adds} {
				if len(part) == 0 {
					continue
				}
				if err := s.qs.ApplyDeltas(part, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
					return err
				}
			}
			if ops.empty() {
				return nil
			}
			return writeOps(ctx, tx, ops)
		})
		if err != nil {
			return fmt.Errorf("write %d quad changes to %s: %w", len(deltas), s.addr, err)
		}
		// A write touches pages all over the file; let them go from the
		// process's resident memory (release_linux.go).
		releaseMapped(s.mapped)
		return nil
	}
	if s.pg != nil {
		// PostgreSQL: our batched writer (pgwrite.go), the index in the
		// same transaction.
		also := func(ctx context.Context, tx *sql.Tx) error {
			if !ops.empty() {
				if err := pgWriteIndex(ctx, tx, ops); err != nil {
					return err
				}
			}
			return pgBump(ctx, tx)
		}
		if err := pgApply(ctx, s.pg, deltas, also); err != nil {
			return fmt.Errorf("write %d quad changes to %s: %w", len(deltas), s.addr, err)
		}
		return nil
	}
	if len(deltas) > 0 {
		if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return fmt.Errorf("write %d quad changes to %s: %w", len(deltas), s.addr, err)
		}
	}
	if !ops.empty() {
		if err := s.ix.write(ctx, ops); err != nil {
			return fmt.Errorf("write index of %s: %w", s.addr, err)
		}
	}
	return nil
}

// quadKey identifies a quad by its four N-Quads terms, for set arithmetic.
func quadKey(q quad.Quad) string {
	q = strictQuad(q)
	k := q.Subject.String() + " " + q.Predicate.String() + " " + q.Object.String()
	if q.Label != nil {
		k += " " + q.Label.String()
	}
	return k
}
