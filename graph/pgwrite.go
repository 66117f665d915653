package graph

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/lib/pq"
)

// Cayley's SQL writer (graph/sql ApplyDeltas and postgres.RunTx) sends one
// statement per node and one per quad: a few thousand quads a second, most
// of it round trips. pgApply writes the same rows to the same tables with a
// handful of set-based statements per call, each taking whole columns as
// PostgreSQL arrays, so a write costs the same number of round trips
// whatever its size.
//
// It reproduces Cayley's semantics row for row, quirks included, so that a
// store written by either path reads the same through Cayley:
//
//   - node ref deltas come from Cayley's own graphlog.SplitDeltas, value
//     columns from csql.NodeValues (NUL bytes in literals escaped as \x00)
//     and hashes from Cayley's hashing;
//   - every node with a net ref change >= 0 is upserted, even one whose net
//     change is 0 (it is created with refs 0 when new), and refs count every
//     add, duplicates included;
//   - quads are added before any delete, with ts = now() and ON CONFLICT DO
//     NOTHING (IgnoreDup);
//   - a delete that removes nothing (IgnoreMissing, or the second delete of
//     one quad) gives its refs back, but only to nodes whose net change is
//     negative, as Cayley does;
//   - when some node's net change is negative, every node left with
//     refs <= 0 is removed from the whole table.

// pgNodeColumns are the columns of Cayley's nodes table pgApply writes, in
// the order of the unnest arrays, with their PostgreSQL types.
var pgNodeColumns = []struct{ name, typ string }{
	{"refs", "int4"},
	{"hash", "bytea"},
	{"value", "bytea"},
	{"value_string", "text"},
	{"datatype", "text"},
	{"language", "text"},
	{"iri", "bool"},
	{"bnode", "bool"},
	{"value_int", "int8"},
	{"value_bool", "bool"},
	{"value_float", "float8"},
	{"value_time", "timestamptz"},
}

// pgApply applies deltas to Cayley's nodes and quads tables in one
// transaction, leaving exactly the rows Cayley's ApplyDeltas with
// IgnoreDup and IgnoreMissing would leave, then calls also (when not nil)
// in the same transaction before committing, so rows written by also
// (side indexes) commit or roll back together with the quads. Nothing is
// written if any step, also included, fails.
func pgApply(ctx context.Context, db *sql.DB, deltas []cgraph.Delta, also func(ctx context.Context, tx *sql.Tx) error) (err error) {
	if len(deltas) == 0 && also == nil {
		return nil
	}
	for i, d := range deltas {
		// SplitDeltas panics on anything else; an error is kinder.
		if d.Action != cgraph.Add && d.Action != cgraph.Delete {
			return fmt.Errorf("quad change %d (%v): unknown action %v", i, d.Quad, d.Action)
		}
	}
	split := graphlog.SplitDeltas(deltas)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin PostgreSQL write: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err := pgIncNodes(ctx, tx, split.IncNode); err != nil {
		return err
	}
	if err := pgAddQuads(ctx, tx, split.QuadAdd); err != nil {
		return err
	}
	missed, err := pgDeleteQuads(ctx, tx, split.QuadDel)
	if err != nil {
		return err
	}
	if err := pgDecNodes(ctx, tx, split.DecNode, missed); err != nil {
		return err
	}
	if also != nil {
		if err := also(ctx, tx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit PostgreSQL write: %w", err)
	}
	return nil
}

// pgIncNodes upserts the nodes whose net ref change is >= 0, adding the
// change to refs of existing ones, as RunTx's per-node INSERT … ON CONFLICT
// does. The rows go in SplitDeltas' hash order, the order in which Cayley
// takes the row locks.
func pgIncNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	if len(nodes) == 0 {
		return nil
	}
	at := make(map[string]int, len(pgNodeColumns))
	cols := make([]pgArray, len(pgNodeColumns))
	names := make([]string, len(pgNodeColumns))
	casts := make([]string, len(pgNodeColumns))
	for i, c := range pgNodeColumns {
		at[c.name] = i
		cols[i] = make(pgArray, len(nodes))
		names[i] = c.name
		casts[i] = "$" + strconv.Itoa(i+1) + "::" + c.typ + "[]"
	}
	for r, n := range nodes {
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return fmt.Errorf("encode node %v: %w", n.Val, err)
		}
		cols[0][r] = sql.NullString{String: strconv.Itoa(n.RefInc), Valid: true}
		for j, name := range append([]string{"hash"}, typ.Columns()...) {
			if j >= len(vals) {
				return fmt.Errorf("encode node %v: %d values for columns %v", n.Val, len(vals), typ.Columns())
			}
			if cols[at[name]][r], err = pgText(vals[j]); err != nil {
				return fmt.Errorf("encode node %v: %w", n.Val, err)
			}
		}
	}
	args := make([]any, len(cols))
	for i := range cols {
		args[i] = cols[i]
	}
	q := `INSERT INTO nodes (` + strings.Join(names, ", ") + `)
		SELECT ` + strings.Join(names, ", ") + ` FROM unnest(` + strings.Join(casts, ", ") + `)
			WITH ORDINALITY AS d(` + strings.Join(names, ", ") + `, ord)
		ORDER BY ord
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("write %d nodes: %w", len(nodes), err)
	}
	return nil
}

// pgAddQuads inserts the added quads in delta order (so the horizon
// sequence advances as under Cayley), duplicates being skipped.
func pgAddQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	if len(quads) == 0 {
		return nil
	}
	var dirs [4]pgArray
	for i := range dirs {
		dirs[i] = make(pgArray, len(quads))
	}
	for r, u := range quads {
		for i, h := range u.Quad.Dirs() {
			dirs[i][r] = pgHash(h)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT s, p, o, l, now() FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[])
			WITH ORDINALITY AS d(s, p, o, l, ord)
		ORDER BY ord
		ON CONFLICT DO NOTHING`, dirs[0], dirs[1], dirs[2], dirs[3])
	if err != nil {
		return fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	return nil
}

// pgDeleteQuads deletes the quads and returns, per node, how many of the
// deletes naming it removed nothing: Cayley gives those refs back. A quad
// deleted twice in one call is removed once; the second delete misses, as
// Cayley's second DELETE statement would.
func pgDeleteQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) (map[refs.ValueHash]int, error) {
	missed := make(map[refs.ValueHash]int)
	if len(quads) == 0 {
		return missed, nil
	}
	miss := func(q refs.QuadHash) {
		for _, h := range q.Dirs() {
			if h.Valid() {
				missed[h]++
			}
		}
	}
	seen := make(map[refs.QuadHash]bool, len(quads))
	var labelled, triples []refs.QuadHash
	for _, u := range quads {
		if seen[u.Quad] {
			miss(u.Quad)
			continue
		}
		seen[u.Quad] = true
		if u.Quad.Label.Valid() {
			labelled = append(labelled, u.Quad)
		} else {
			triples = append(triples, u.Quad)
		}
	}
	// Two statements so each can use a unique index: (s,p,o,l) for
	// labelled quads, (s,p,o) WHERE label_hash IS NULL for triples.
	for _, group := range []struct {
		quads []refs.QuadHash
		query string
	}{
		{labelled, `DELETE FROM quads q
			USING unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) WITH ORDINALITY AS d(s, p, o, l, ord)
			WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash = d.l
			RETURNING d.ord`},
		{triples, `DELETE FROM quads q
			USING unnest($1::bytea[], $2::bytea[], $3::bytea[]) WITH ORDINALITY AS d(s, p, o, ord)
			WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash IS NULL
			RETURNING d.ord`},
	} {
		if len(group.quads) == 0 {
			continue
		}
		n := 4
		if !group.quads[0].Label.Valid() {
			n = 3
		}
		args := make([]any, n)
		for i := range args {
			col := make(pgArray, len(group.quads))
			for r, q := range group.quads {
				col[r] = pgHash(q.Dirs()[i])
			}
			args[i] = col
		}
		gone, err := pgDeleted(ctx, tx, group.query, args, len(group.quads))
		if err != nil {
			return nil, err
		}
		for r, q := range group.quads {
			if !gone[r] {
				miss(q)
			}
		}
	}
	return missed, nil
}

// pgDeleted runs a DELETE … RETURNING ordinality and reports which of the n
// rows of its arrays removed a quad.
func pgDeleted(ctx context.Context, tx *sql.Tx, query string, args []any, n int) ([]bool, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("delete %d quads: %w", n, err)
	}
	defer rows.Close()
	gone := make([]bool, n)
	for rows.Next() {
		var ord int
		if err := rows.Scan(&ord); err != nil {
			return nil, fmt.Errorf("delete %d quads: %w", n, err)
		}
		if ord < 1 || ord > n {
			return nil, fmt.Errorf("delete %d quads: unexpected row %d", n, ord)
		}
		gone[ord-1] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("delete %d quads: %w", n, err)
	}
	return gone, nil
}

// pgDecNodes lowers refs of the nodes whose net change is negative (less
// the refs of deletes that missed), then, as Cayley does, drops every node
// of the table left with refs <= 0.
func pgDecNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate, missed map[refs.ValueHash]int) error {
	if len(nodes) == 0 {
		return nil
	}
	var hashes, incs pgArray
	for _, n := range nodes {
		inc := n.RefInc + missed[n.Hash]
		if inc == 0 {
			continue
		}
		hashes = append(hashes, pgHash(n.Hash))
		incs = append(incs, sql.NullString{String: strconv.Itoa(inc), Valid: true})
	}
	if len(hashes) > 0 {
		_, err := tx.ExecContext(ctx, `UPDATE nodes SET refs = nodes.refs + d.inc
			FROM unnest($1::bytea[], $2::int4[]) AS d(hash, inc) WHERE nodes.hash = d.hash`, hashes, incs)
		if err != nil {
			return fmt.Errorf("update refs of %d nodes: %w", len(hashes), err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE refs <= 0`); err != nil {
		return fmt.Errorf("remove unreferenced nodes: %w", err)
	}
	return nil
}

// pgHash is a node hash as an array element: NULL for the missing label.
func pgHash(h refs.ValueHash) sql.NullString {
	v, _ := pgText(csql.NodeHash{ValueHash: h}.SQLValue())
	return v
}

// pgText renders a value as lib/pq would send it as a text parameter, so
// that PostgreSQL parses an array element into the very value Cayley's
// one-row statements store.
func pgText(v any) (sql.NullString, error) {
	var s string
	switch v := v.(type) {
	case nil:
		return sql.NullString{}, nil
	case []byte:
		if v == nil {
			return sql.NullString{}, nil
		}
		s = `\x` + hex.EncodeToString(v)
	case string:
		s = v
	case bool:
		s = strconv.FormatBool(v)
	case int:
		s = strconv.Itoa(v)
	case int64:
		s = strconv.FormatInt(v, 10)
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		s = string(pq.FormatTimestamp(v))
	default:
		return sql.NullString{}, fmt.Errorf("unexpected SQL value %T", v)
	}
	return sql.NullString{String: s, Valid: true}, nil
}

// pgArray is a one-dimensional PostgreSQL array literal of text elements
// (NULL where not Valid), cast to the column's type in the query.
type pgArray []sql.NullString

// Value renders the array literal, every element quoted so that "", "NULL"
// and strings with braces, commas or spaces stay what they are.
func (a pgArray) Value() (driver.Value, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		if !e.Valid {
			b.WriteString("NULL")
			continue
		}
		b.WriteByte('"')
		for j := 0; j < len(e.String); j++ {
			if c := e.String[j]; c == '"' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(e.String[j])
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String(), nil
}
