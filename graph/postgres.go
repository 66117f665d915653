package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// Cayley's SQL store resolves node values one query at a time (NameOf);
// describing a page of statements would cost hundreds of round trips. The
// store keeps a connection of its own to PostgreSQL and fetches a batch of
// node values with one query on Cayley's nodes table, decoded the way
// Cayley's NameOf decodes them.

// pgValues returns the values of the node refs, in order, in one query.
func pgValues(ctx context.Context, db *sql.DB, nodes []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(nodes))
	at := make(map[string][]int, len(nodes))
	hashes := make([][]byte, 0, len(nodes))
	for i, r := range nodes {
		var h csql.NodeHash
		switch r := r.(type) {
		case csql.NodeHash:
			h = r
		default:
			return nil, fmt.Errorf("unexpected PostgreSQL node ref %T", r)
		}
		if !h.Valid() {
			continue
		}
		k := string(h.ValueHash[:])
		if _, ok := at[k]; !ok {
			hashes = append(hashes, h.ValueHash[:])
		}
		at[k] = append(at[k], i)
	}
	if len(hashes) == 0 {
		return out, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT hash, value, value_string, datatype, language, iri, bnode,
		value_int, value_bool, value_float, value_time FROM nodes WHERE hash = ANY($1)`, pq.ByteaArray(hashes))
	if err != nil {
		return nil, fmt.Errorf("read %d node values: %w", len(hashes), err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			hash   []byte
			data   []byte
			str    sql.NullString
			typ    sql.NullString
			lang   sql.NullString
			isIRI  sql.NullBool
			bnode  sql.NullBool
			vint   sql.NullInt64
			vbool  sql.NullBool
			vfloat sql.NullFloat64
			vtime  sql.NullTime
		)
		if err := rows.Scan(&hash, &data, &str, &typ, &lang, &isIRI, &bnode, &vint, &vbool, &vfloat, &vtime); err != nil {
			return nil, fmt.Errorf("read node value: %w", err)
		}
		var v quad.Value
		switch {
		case str.Valid && isIRI.Bool:
			v = quad.IRI(str.String)
		case str.Valid && bnode.Bool:
			v = quad.BNode(str.String)
		case str.Valid && lang.Valid:
			v = quad.LangString{Value: quad.String(unescapeNull(str.String)), Lang: lang.String}
		case str.Valid && typ.Valid:
			v = quad.TypedString{Value: quad.String(unescapeNull(str.String)), Type: quad.IRI(typ.String)}
		case str.Valid:
			v = quad.String(unescapeNull(str.String))
		case vint.Valid:
			v = quad.Int(vint.Int64)
		case vbool.Valid:
			v = quad.Bool(vbool.Bool)
		case vfloat.Valid:
			v = quad.Float(vfloat.Float64)
		case vtime.Valid:
			v = quad.Time(vtime.Time.UTC())
		default:
			if v, err = pquads.UnmarshalValue(data); err != nil {
				return nil, fmt.Errorf("decode node value: %w", err)
			}
		}
		for _, i := range at[string(hash)] {
			out[i] = v
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read node values: %w", err)
	}
	return out, nil
}

// unescapeNull undoes Cayley's escaping of NUL bytes, which PostgreSQL
// text cannot hold.
func unescapeNull(s string) string {
	return strings.ReplaceAll(s, `\x00`, "\x00")
}

// pgScan returns, in one query, the quads whose dir element is one of vals
// (and whose predicate is pred unless pred is ""), as ref quads of node
// hashes, ready for materialize.
//
// With triples set, labels are left out and each (subject, predicate,
// object) comes once: many articles restate the same entity facts under
// their own labels, and callers that ignore labels need not fetch them all.
func pgScan(ctx context.Context, db *sql.DB, dir quad.Direction, vals []quad.Value, pred string, triples bool) ([]refQuad, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	hashes := make([][]byte, len(vals))
	for i, v := range vals {
		h := csql.HashOf(v)
		hashes[i] = h.ValueHash[:]
	}
	q := `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE `
	if triples {
		q = `SELECT DISTINCT subject_hash, predicate_hash, object_hash, NULL::bytea FROM quads WHERE `
	}
	q += dir.String() + `_hash = ANY($1)`
	args := []any{pq.ByteaArray(hashes)}
	if pred != "" {
		q += ` AND predicate_hash = $2`
		args = append(args, csql.HashOf(quad.IRI(pred)).SQLValue())
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("scan quads by %s: %w", dir, err)
	}
	defer rows.Close()
	var out []refQuad
	for rows.Next() {
		var h [4]csql.NodeHash
		if err := rows.Scan(&h[0], &h[1], &h[2], &h[3]); err != nil {
			return nil, fmt.Errorf("read quad: %w", err)
		}
		var rq refQuad
		for i := range h {
			if h[i].Valid() {
				rq[i] = h[i]
			}
		}
		out = append(out, rq)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("scan quads by %s: %w", dir, err)
	}
	return out, nil
}

// pgMeta holds the store's generation, bumped by every write (pgBump) so
// that every kg process over the database knows when its cache is stale.
const pgMeta = `CREATE TABLE IF NOT EXISTS kg_meta (k text PRIMARY KEY, v bigint NOT NULL)`

// pgBump moves the generation inside a write's transaction.
func pgBump(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO kg_meta (k, v) VALUES ('generation', 1)
		ON CONFLICT (k) DO UPDATE SET v = kg_meta.v + 1`); err != nil {
		return fmt.Errorf("bump store generation: %w", err)
	}
	return nil
}

// syncCache empties the cache when another process wrote to the
// PostgreSQL store since it was filled; a no-op on the other backends.
func (s *Store) syncCache(ctx context.Context) error {
	if s.pg == nil {
		return nil
	}
	var gen int64
	err := s.pg.QueryRowContext(ctx, `SELECT v FROM kg_meta WHERE k = 'generation'`).Scan(&gen)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("read generation of %s: %w", s.addr, err)
	}
	s.cache.syncGeneration(gen)
	return nil
}

// UpdateStatistics refreshes the planner statistics of a PostgreSQL store
// after a bulk write; a no-op on the other backends. PostgreSQL plans kg's
// look-ups from the tables' statistics, and a table loaded in bulk has none
// until autovacuum analyzes it (never, where autovacuum is off): measured on
// 37 M quads never analyzed, PostgreSQL planned each look-up by subject as
// if it matched 287,000 rows (a parallel bitmap scan with JIT compilation),
// and a page of statements by speaker took 4 s instead of 5 ms. ANALYZE
// samples the tables: under a second there.
func (s *Store) UpdateStatistics(ctx context.Context) error {
	if s.pg == nil {
		return nil
	}
	// One table per statement: CockroachDB's ANALYZE takes one.
	for _, table := range []string{"quads", "nodes", "kg_index"} {
		if _, err := s.pg.ExecContext(ctx, "ANALYZE "+table); err != nil {
			return fmt.Errorf("analyze %s in %s: %w", table, s.addr, err)
		}
	}
	return nil
}
