package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/graph/graphtest"
	"github.com/newsgraph/kg/schema"
)

// Terms of the pgApply tests: an article label, a few subjects, literals of
// every kind the SQL backend stores in its own way.
var (
	pgArt1  = quad.IRI(schema.IDBase + "article/one")
	pgArt2  = quad.IRI(schema.IDBase + "article/two")
	pgAlice = quad.IRI(schema.IDBase + "person/alice")
	pgBob   = quad.IRI(schema.IDBase + "person/bob")
	pgState = quad.IRI(schema.IDBase + "state/ruritania")
	pgStmt  = quad.IRI(schema.IDBase + "statement/s1")
	pgBlank = quad.BNode("b1")

	pgLiterals = []quad.Value{
		quad.String("plain"),
		quad.String(""),
		quad.String("NULL"),
		quad.String("nul\x00inside"),
		quad.String(`escaped\x00already`),
		quad.String(`say "hi", {braces} and \backslash\`),
		quad.String("Зеленський — 東京 🇺🇦 café"),
		quad.String(" leading and trailing spaces "),
		quad.String("line\nbreak\ttab"),
		quad.TypedString{Value: "2022-02-24", Type: quad.IRI(schema.XSDDate)},
		quad.TypedString{Value: "42", Type: quad.IRI(schema.XSDInteger)},
		quad.TypedString{Value: "0.75", Type: quad.IRI(schema.XSDDouble)},
		quad.TypedString{Value: "nul\x00typed", Type: quad.IRI(schema.XSDGYear)},
		quad.LangString{Value: "Déclaration", Lang: "fr"},
		quad.LangString{Value: "with \"quotes\"", Lang: "en-GB"},
		quad.LangString{Value: "nul\x00lang", Lang: "fr"},
		quad.IRI("https://example.org/a,b{c}\"d\""),
		pgBlank,
		quad.Int(-7),
		quad.Int(math.MaxInt64),
		quad.Float(0.1),
		quad.Float(-1e300),
		quad.Float(1.0 / 3),
		quad.Float(math.NaN()),
		quad.Bool(true),
		quad.Bool(false),
		quad.Time(time.Date(2022, 2, 24, 4, 50, 12, 123456000, time.UTC)),
		quad.Time(time.Date(1999, 12, 31, 23, 0, 0, 0, time.FixedZone("CET", 3600))),
	}
)

// pgAdd and pgDel build one quad change; a nil label makes a triple.
func pgAdd(s, p, o, l quad.Value) cgraph.Delta {
	return cgraph.Delta{Quad: quad.Quad{Subject: s, Predicate: p, Object: o, Label: l}, Action: cgraph.Add}
}

func pgDel(s, p, o, l quad.Value) cgraph.Delta {
	return cgraph.Delta{Quad: quad.Quad{Subject: s, Predicate: p, Object: o, Label: l}, Action: cgraph.Delete}
}

// pgEveryLiteral adds (or deletes) one quad per literal kind under label,
// half of them as triples without a label.
func pgEveryLiteral(action cgraph.Procedure, label quad.Value) []cgraph.Delta {
	var ds []cgraph.Delta
	for i, v := range pgLiterals {
		l := label
		if i%3 == 2 {
			l = nil
		}
		ds = append(ds, cgraph.Delta{Action: action,
			Quad: quad.Quad{Subject: pgAlice, Predicate: quad.IRI(schema.PContent), Object: v, Label: l}})
	}
	return ds
}

func pgConcat(parts ...[]cgraph.Delta) []cgraph.Delta { return slices.Concat(parts...) }

// TestPgApplyMatchesCayley applies the same batches of quad changes through
// Cayley's ApplyDeltas to one fresh database and through pgApply to
// another, and checks after each batch that both succeed or fail alike and
// that the nodes and quads tables hold the same rows.
func TestPgApplyMatchesCayley(t *testing.T) {
	name := quad.IRI(schema.PName)
	typ := quad.IRI(schema.PType)
	speaker := quad.IRI(schema.PSpeaker)
	about := quad.IRI(schema.PAbout)
	person := quad.IRI(schema.ClassPerson)
	cases := []struct {
		name    string
		batches [][]cgraph.Delta
		fail    []int // batches both paths must reject (and roll back)
	}{
		{name: "every literal kind, duplicates and re-adds", batches: [][]cgraph.Delta{
			pgConcat(pgEveryLiteral(cgraph.Add, pgArt1), pgEveryLiteral(cgraph.Add, pgArt1),
				[]cgraph.Delta{pgAdd(pgAlice, typ, person, pgArt1), pgAdd(pgBlank, name, quad.String("blank"), nil)}),
			pgConcat(pgEveryLiteral(cgraph.Add, pgArt1), pgEveryLiteral(cgraph.Add, pgArt2)),
		}},
		{name: "deletes, missing deletes and re-adds", batches: [][]cgraph.Delta{
			pgConcat(pgEveryLiteral(cgraph.Add, pgArt1), pgEveryLiteral(cgraph.Add, pgArt2), []cgraph.Delta{
				pgAdd(pgAlice, typ, person, pgArt1), pgAdd(pgBob, typ, person, pgArt1),
				pgAdd(pgStmt, speaker, pgAlice, pgArt1), pgAdd(pgStmt, about, pgState, pgArt1),
				pgAdd(pgAlice, name, quad.String("Alice"), nil),
			}),
			pgConcat(pgEveryLiteral(cgraph.Delete, pgArt1), []cgraph.Delta{
				pgDel(pgStmt, about, pgState, pgArt1),
				pgDel(pgStmt, about, pgState, pgArt1),              // twice in one batch
				pgDel(pgBob, typ, person, pgArt2),                  // missing: wrong label
				pgDel(pgBob, name, quad.String("never"), pgArt1),   // missing: new literal
				pgDel(pgAlice, name, quad.String("Alice"), nil),    // triple
				pgDel(pgAlice, name, quad.String("Alice"), pgArt1), // missing: it is a triple
			}),
			pgConcat(pgEveryLiteral(cgraph.Add, pgArt1), []cgraph.Delta{
				pgAdd(pgStmt, about, pgState, pgArt1), pgAdd(pgAlice, name, quad.String("Alice"), nil),
			}),
			pgConcat(pgEveryLiteral(cgraph.Delete, pgArt1), pgEveryLiteral(cgraph.Delete, pgArt2),
				pgEveryLiteral(cgraph.Delete, pgArt2)),
		}},
		{name: "add and delete of one quad in a batch", batches: [][]cgraph.Delta{
			// Every node's net change is 0: Cayley leaves them with refs 0.
			{pgAdd(pgBob, name, quad.String("Bob"), pgArt1), pgDel(pgBob, name, quad.String("Bob"), pgArt1)},
			{pgAdd(pgAlice, typ, person, pgArt1)},
			// A negative net change sweeps every refs <= 0 node away.
			{pgDel(pgAlice, typ, person, pgArt1)},
			{pgDel(pgBob, name, quad.String("Bob"), pgArt1), pgAdd(pgBob, name, quad.String("Bob"), pgArt1)},
		}},
		{name: "missing delete sharing a node with an add", fail: []int{1}, batches: [][]cgraph.Delta{
			{pgAdd(pgAlice, typ, person, pgArt1)},
			// Bob's net change is 0 so the missed delete is not given back
			// to him: Cayley tries to drop Bob (refs 0) while the new quad
			// uses him, and the foreign key rejects the whole batch.
			{pgAdd(pgBob, typ, person, pgArt1), pgDel(pgBob, name, quad.String("Bob"), pgArt1),
				pgDel(pgAlice, typ, person, pgArt1)},
			{pgAdd(pgBob, typ, person, pgArt1), pgDel(pgAlice, typ, person, pgArt1)},
		}},
		{name: "retract a generated article", batches: [][]cgraph.Delta{
			pgDeltas(cgraph.Add, pgBenchArticle(0)),
			pgDeltas(cgraph.Add, pgBenchArticle(1)),
			pgDeltas(cgraph.Delete, pgBenchArticle(0)),
		}},
		{name: "empty", batches: [][]cgraph.Delta{nil}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			cayley := mustOpen(t, graphtest.PostgresDSN(t))
			ours := mustOpen(t, graphtest.PostgresDSN(t))
			for i, batch := range tc.batches {
				errC := cayley.qs.ApplyDeltas(batch, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
				errP := pgApply(ctx, ours.pg, batch, nil)
				wantFail := slices.Contains(tc.fail, i)
				if (errC != nil) != wantFail || (errP != nil) != wantFail {
					t.Fatalf("batch %d: Cayley error %v, pgApply error %v; want failure: %v", i, errC, errP, wantFail)
				}
				for _, table := range pgTables {
					want, got := pgRows(t, cayley.pg, table), pgRows(t, ours.pg, table)
					if !slices.Equal(want, got) {
						t.Errorf("batch %d: %s differ\nCayley:\n%s\npgApply:\n%s", i, table.name,
							strings.Join(want, "\n"), strings.Join(got, "\n"))
					}
				}
			}
		})
	}
}

// pgTables are the views of Cayley's tables compared by the tests: every
// column but the horizon and timestamp, sorted by content, plus the quads in
// insertion (horizon) order.
var pgTables = []struct{ name, query string }{
	{"nodes", `SELECT n::text FROM nodes n ORDER BY hash`},
	{"quads", `SELECT ROW(subject_hash, predicate_hash, object_hash, label_hash)::text FROM quads ORDER BY 1`},
	{"quads in horizon order", `SELECT ROW(subject_hash, predicate_hash, object_hash, label_hash)::text FROM quads ORDER BY horizon`},
}

// pgRows returns the rows of query, one string each.
func pgRows(t testing.TB, db *sql.DB, table struct{ name, query string }) []string {
	t.Helper()
	rows, err := db.Query(table.query)
	if err != nil {
		t.Fatalf("read %s: %v", table.name, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatalf("read %s: %v", table.name, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read %s: %v", table.name, err)
	}
	return out
}

// TestPgApplyAlso checks that also runs inside the write's transaction: it
// sees the new quads, its own rows commit with them, and its error rolls
// back everything.
func TestPgApplyAlso(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, graphtest.PostgresDSN(t))
	if _, err := s.pg.Exec(`CREATE TABLE side (article TEXT)`); err != nil {
		t.Fatal(err)
	}
	first := pgDeltas(cgraph.Add, pgBenchArticle(0))
	if err := pgApply(ctx, s.pg, first, nil); err != nil {
		t.Fatal(err)
	}
	snapshot := func() [][]string {
		var out [][]string
		for _, table := range append(pgTables[:len(pgTables):len(pgTables)], struct{ name, query string }{"side", `SELECT article FROM side ORDER BY 1`}) {
			out = append(out, pgRows(t, s.pg, table))
		}
		return out
	}
	countIn := func(ctx context.Context, tx *sql.Tx) (int, error) {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&n)
		return n, err
	}
	before := snapshot()
	second := pgConcat(pgDeltas(cgraph.Add, pgBenchArticle(1)), pgDeltas(cgraph.Delete, pgBenchArticle(0)))
	boom := errors.New("side index refused")
	for _, tc := range []struct {
		name    string
		also    func(ctx context.Context, tx *sql.Tx) error
		wantErr error
	}{
		{"also fails after writing", func(ctx context.Context, tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO side VALUES ('two')`); err != nil {
				return err
			}
			return boom
		}, boom},
		{"also fails in SQL", func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO no_such_table VALUES (1)`)
			return err
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := pgApply(ctx, s.pg, second, tc.also)
			if err == nil || (tc.wantErr != nil && !errors.Is(err, tc.wantErr)) {
				t.Fatalf("pgApply = %v, want %v", err, tc.wantErr)
			}
			if after := snapshot(); !slices.EqualFunc(before, after, slices.Equal) {
				t.Errorf("a failed also left changes behind:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
	t.Run("also commits with the quads", func(t *testing.T) {
		want := len(pgBenchArticle(1))
		err := pgApply(ctx, s.pg, second, func(ctx context.Context, tx *sql.Tx) error {
			n, err := countIn(ctx, tx)
			if err != nil {
				return err
			}
			if n != want {
				return fmt.Errorf("also sees %d quads, want %d", n, want)
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO side VALUES ('two')`)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := pgRows(t, s.pg, struct{ name, query string }{"side", `SELECT article FROM side`}); !slices.Equal(got, []string{"two"}) {
			t.Errorf("side = %v, want [two]", got)
		}
	})
}

// TestPgApplyRejectsUnknownAction checks that a delta that is neither an
// add nor a delete is an error before anything is written (Cayley's
// SplitDeltas would panic on it).
func TestPgApplyRejectsUnknownAction(t *testing.T) {
	bad := []cgraph.Delta{pgAdd(pgAlice, quad.IRI(schema.PName), quad.String("Alice"), pgArt1), {
		Quad: quad.Quad{Subject: pgBob, Predicate: quad.IRI(schema.PName), Object: quad.String("Bob")}}}
	// No database: the batch must be refused before one is needed.
	if err := pgApply(context.Background(), nil, bad, nil); err == nil || !strings.Contains(err.Error(), "unknown action") {
		t.Fatalf("pgApply = %v, want an unknown action error", err)
	}
}

// pgDeltas turns quads into deltas of one action.
func pgDeltas(action cgraph.Procedure, qs []quad.Quad) []cgraph.Delta {
	ds := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		ds[i] = cgraph.Delta{Quad: q, Action: action}
	}
	return ds
}

// pgBenchArticle generates the quads of one article shaped like the
// store's: the article's own facts, entity facts drawn from a shared pool
// (so nodes recur across articles), and reified statements, all labelled
// with the article IRI. About 220 quads.
func pgBenchArticle(a int) []quad.Quad {
	art := quad.IRI(fmt.Sprintf("%sarticle/%08x", schema.IDBase, a*2654435761&0xffffffff))
	var qs []quad.Quad
	add := func(s quad.Value, p string, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: art})
	}
	str := func(format string, args ...any) quad.Value { return quad.String(fmt.Sprintf(format, args...)) }
	typed := func(v, t string) quad.Value { return quad.TypedString{Value: quad.String(v), Type: quad.IRI(t)} }
	text := strings.Repeat(fmt.Sprintf("Dispatch %d: ministers met and said talks would go on. ", a), 25)
	add(art, schema.PType, quad.IRI(schema.ClassArticle))
	add(art, schema.PTitle, str("Dispatch %d", a))
	add(art, schema.PDate, typed(fmt.Sprintf("2022-%02d-%02d", a%12+1, a%28+1), schema.XSDDate))
	add(art, schema.PLanguage, quad.String([]string{"en", "fr"}[a%2]))
	add(art, schema.PSource, str("Source %d", a%7))
	add(art, schema.PURL, quad.IRI(fmt.Sprintf("https://news.example/%d", a)))
	add(art, schema.PText, quad.String(text))
	add(art, schema.PHash, str("%064x", a))
	var ents []quad.IRI
	for k := range 12 {
		n := (a*7 + k*31) % 400
		e := quad.IRI(fmt.Sprintf("%sperson/minister-m%d", schema.IDBase, n))
		ents = append(ents, e)
		add(e, schema.PType, quad.IRI(schema.ClassPerson))
		add(e, schema.PName, str("Minister M%d", n))
		add(e, schema.PAlias, str("M%d", n))
		add(e, schema.PNameKey, str("minister m%d", n))
		add(e, schema.PMentionedIn, art)
		add(e, schema.PMentions, typed(fmt.Sprint(k%3+1), schema.XSDInteger))
	}
	for k := range 12 {
		st := quad.IRI(fmt.Sprintf("%sstatement/%d-%d", schema.IDBase, a, k))
		add(st, schema.PType, quad.IRI(schema.ClassStatement))
		add(st, schema.PSpeaker, ents[k])
		add(st, schema.PAct, quad.String(schema.Acts[k%len(schema.Acts)]))
		add(st, schema.PContent, str("talks on point %d must go on", k))
		add(st, schema.PAbout, ents[(k+1)%len(ents)])
		add(st, schema.PAccordingTo, ents[(k+2)%len(ents)])
		add(st, schema.PArticle, art)
		add(st, schema.PCue, quad.String("said"))
		add(st, schema.PEvidenceText, str("Minister M%d said talks on point %d must go on.", k, k))
		add(st, schema.PEvidenceStart, typed(fmt.Sprint(k*60), schema.XSDInteger))
		add(st, schema.PEvidenceEnd, typed(fmt.Sprint(k*60+50), schema.XSDInteger))
		add(st, schema.PConfidence, typed("0.8", schema.XSDDouble))
	}
	return qs
}

// BenchmarkPostgresApply writes ~20k generated quads (90 articles) to a
// fresh PostgreSQL store and deletes them again, through Cayley's
// ApplyDeltas and through pgApply, one call per article (kg load) or one
// call for all (a batch put), and reports quads/s of each phase.
func BenchmarkPostgresApply(b *testing.B) {
	const articles = 90
	writers := []struct {
		name  string
		apply func(ctx context.Context, s *Store, ds []cgraph.Delta) error
	}{
		{"cayley", func(_ context.Context, s *Store, ds []cgraph.Delta) error {
			return s.qs.ApplyDeltas(ds, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
		}},
		{"pgApply", func(ctx context.Context, s *Store, ds []cgraph.Delta) error {
			return pgApply(ctx, s.pg, ds, nil)
		}},
	}
	for _, w := range writers {
		for _, perCall := range []int{1, articles} {
			b.Run(fmt.Sprintf("%s/articles-per-call=%d", w.name, perCall), func(b *testing.B) {
				ctx := context.Background()
				s := mustOpen(b, graphtest.PostgresDSN(b))
				var adds, dels [][]cgraph.Delta
				quads := 0
				for i := 0; i < articles; i += perCall {
					var qs []quad.Quad
					for a := i; a < i+perCall && a < articles; a++ {
						qs = append(qs, pgBenchArticle(a)...)
					}
					quads += len(qs)
					adds = append(adds, pgDeltas(cgraph.Add, qs))
					dels = append(dels, pgDeltas(cgraph.Delete, qs))
				}
				var addTime, delTime time.Duration
				b.ResetTimer()
				for range b.N {
					for _, phase := range []struct {
						batches [][]cgraph.Delta
						took    *time.Duration
					}{{adds, &addTime}, {dels, &delTime}} {
						start := time.Now()
						for _, ds := range phase.batches {
							if err := w.apply(ctx, s, ds); err != nil {
								b.Fatal(err)
							}
						}
						*phase.took += time.Since(start)
					}
				}
				b.ReportMetric(float64(quads*b.N)/addTime.Seconds(), "add-quads/s")
				b.ReportMetric(float64(quads*b.N)/delTime.Seconds(), "delete-quads/s")
				b.ReportMetric(float64(quads), "quads")
			})
		}
	}
}
