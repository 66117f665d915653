package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/newsgraph/kg/graph/graphtest"
	"github.com/newsgraph/kg/schema"
)

// pagedStore fills s with synthetic articles of every date precision
// (day, month, none), reloads some with other facts, retracts one and
// merges two speakers, so the index has seen every kind of write.
func pagedStore(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	xs := make([]*schema.Extraction, 60)
	for i := range xs {
		xs[i] = synthetic(i)
		switch {
		case i%11 == 0:
			xs[i].Article.Date = ""
			xs[i].Events[0].Date = ""
		case i%7 == 0:
			xs[i].Article.Date = xs[i].Article.Date[:7]
		}
	}
	if _, err := s.PutExtractions(ctx, xs); err != nil {
		t.Fatal(err)
	}
	// Reload two articles with one statement fewer / another act.
	r1 := synthetic(3)
	r1.Statements = r1.Statements[:1]
	r2 := synthetic(4)
	r2.Statements[0].Act = schema.ActState
	if _, err := s.PutExtractions(ctx, []*schema.Extraction{r1, r2}); err != nil {
		t.Fatal(err)
	}
	if err := s.RetractArticle(ctx, ArticleID(&synthetic(5).Article)); err != nil {
		t.Fatal(err)
	}
	if err := s.MergeEntities(ctx, schema.EntityIRI(schema.TypePerson, "Minister M3"),
		schema.EntityIRI(schema.TypePerson, "Minister M10")); err != nil {
		t.Fatal(err)
	}
}

// pageFilters are the filters the paging tests walk.
func pageFilters() []schema.StatementFilter {
	m3 := schema.EntityIRI(schema.TypePerson, "Minister M3")
	s4 := schema.EntityIRI(schema.TypeState, "State S4")
	return []schema.StatementFilter{
		{},
		{Act: schema.ActState},
		{Speaker: m3}, // merged with M10
		{Speaker: schema.EntityIRI(schema.TypePerson, "Minister M10")},
		{About: s4},
		{About: s4, Act: schema.Acts[3]},
		{Speaker: s4, Act: schema.ActState},
		{From: "2021-03", To: "2021-05-10"},
		{From: "2021-03-15"},
		{To: "2021-02"},
		{Speaker: s4, From: "2021-06"},
		{Act: schema.ActState, From: "2021-04-01", To: "2021-09"},
		{Article: ArticleID(&synthetic(8).Article)},
		{Text: "talks"},
		{Speaker: schema.EntityIRI(schema.TypePerson, "Nobody")},
	}
}

// TestStatementPage: walking the pages forwards (first/after) and backwards
// (last/before) with the side index gives exactly Statements' list, in its
// order, and CountStatements its length, on every backend.
func TestStatementPage(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			s := be.open(t)
			pagedStore(t, s)
			for _, f := range pageFilters() {
				t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
					want, err := s.Statements(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					wantIDs := make([]string, len(want))
					for i, st := range want {
						wantIDs[i] = st.ID
					}
					n, err := s.CountStatements(ctx, f)
					if err != nil || n != len(want) {
						t.Fatalf("CountStatements = %d, %v; want %d", n, err, len(want))
					}
					for _, size := range []int{1, 7, 100} {
						if got := walk(t, s, f, size, false); !slices.Equal(got, wantIDs) {
							t.Fatalf("forward pages of %d: %d ids %v\nwant %d %v", size, len(got), got, len(wantIDs), wantIDs)
						}
						if got := walk(t, s, f, size, true); !slices.Equal(got, wantIDs) {
							t.Fatalf("backward pages of %d: %d ids, want %d", size, len(got), len(wantIDs))
						}
					}
				})
			}
		})
	}
}

// walk pages through the whole list and returns the IDs in list order.
func walk(t *testing.T, s *Store, f schema.StatementFilter, size int, backwards bool) []string {
	t.Helper()
	var ids []string
	var at string
	for range 1000 {
		req := schema.PageRequest{First: &size, After: at}
		if backwards {
			req = schema.PageRequest{Last: &size, Before: at}
		}
		p, err := s.StatementPage(context.Background(), f, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.IDs) != len(p.Positions) || len(p.IDs) > size {
			t.Fatalf("page of %d ids, %d positions, size %d", len(p.IDs), len(p.Positions), size)
		}
		more := p.HasNext
		if backwards {
			more = p.HasPrevious
			ids = append(slices.Clone(p.IDs), ids...)
		} else {
			ids = append(ids, p.IDs...)
		}
		if !more {
			return ids
		}
		if len(p.IDs) == 0 {
			t.Fatal("empty page says more follow")
		}
		if backwards {
			at = p.Positions[0]
		} else {
			at = p.Positions[len(p.Positions)-1]
		}
	}
	t.Fatal("pages never end")
	return nil
}

// TestStatementPageWindows: first and last together, after and before
// together, and zero-length pages follow the Relay rules, as the in-memory
// window over the full list computes them.
func TestStatementPageWindows(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, "memory:")
	pagedStore(t, s)
	f := schema.StatementFilter{Act: schema.ActState}
	all, err := s.StatementPage(ctx, f, schema.PageRequest{First: ptr(10000)})
	if err != nil {
		t.Fatal(err)
	}
	pos := all.Positions
	if len(pos) < 20 {
		t.Fatalf("only %d statements", len(pos))
	}
	reqs := []schema.PageRequest{
		{},
		{First: ptr(0)},
		{Last: ptr(0)},
		{First: ptr(5), After: pos[3]},
		{First: ptr(5), After: pos[3], Before: pos[6]},
		{Last: ptr(4), Before: pos[10]},
		{Last: ptr(4), After: pos[8], Before: pos[10]},
		{First: ptr(10), Last: ptr(3)},
		{First: ptr(10), Last: ptr(3), After: pos[2]},
		{After: pos[len(pos)-1]},
		{Before: pos[0]},
	}
	for _, r := range reqs {
		got, err := s.StatementPage(ctx, f, r)
		if err != nil {
			t.Fatal(err)
		}
		want := windowPositions(pos, r)
		if !slices.Equal(got.Positions, want.Positions) {
			t.Errorf("%+v: positions %d, want %d", r, len(got.Positions), len(want.Positions))
		}
		// HasPrevious/HasNext may say "true" where the list is known to
		// go on only through the cursor (Relay allows it); never "false"
		// where items remain.
		if want.HasNext && !got.HasNext || want.HasPrevious && !got.HasPrevious {
			t.Errorf("%+v: HasPrevious %v HasNext %v, want %v %v", r, got.HasPrevious, got.HasNext, want.HasPrevious, want.HasNext)
		}
	}
}

// TestIndexRebuiltAtOpen: a store file without the side index (written by
// an earlier kg) is indexed when opened, and pages see every statement.
func TestIndexRebuiltAtOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s := mustOpen(t, path)
	pagedStore(t, s)
	want, err := s.Statements(ctx, schema.StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.hook.DB.DB().Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(ixBucket) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpen(t, path)
	n, err := s.CountStatements(ctx, schema.StatementFilter{})
	if err != nil || n != len(want) {
		t.Fatalf("after re-index: %d statements, %v; want %d", n, err, len(want))
	}
	if got := walk(t, s, schema.StatementFilter{Act: schema.ActState}, 9, false); len(got) == 0 {
		t.Fatal("no ActState statements after re-index")
	}
}

// TestSortKeyRoundTrip: a statement IRI comes back from its sort key, and
// keys order like Statements does.
func TestSortKeyRoundTrip(t *testing.T) {
	ids := []struct{ id, date string }{
		{schema.StatementIRI(schema.IDBase+"article/abc", schema.Span{Start: 5, End: 90}, "x"), "2021-03-04"},
		{schema.StatementIRI(schema.IDBase+"article/a-b-c", schema.Span{Start: 0, End: 1}, "y"), ""},
		{statementPrefix + "hand-made", "2020"},
		{statementPrefix + "x-01-2-abcd", "2020"}, // leading zero: not StatementIRI's form
	}
	for _, c := range ids {
		if got := keyStatement(sortKey(c.id, c.date)); got != c.id {
			t.Errorf("keyStatement(sortKey(%q)) = %q", c.id, got)
		}
		if got := keyDate(sortKey(c.id, c.date)); got != c.date {
			t.Errorf("keyDate = %q, want %q", got, c.date)
		}
	}
	a := sortKey(schema.StatementIRI(schema.IDBase+"article/abc", schema.Span{Start: 9, End: 20}, "x"), "2021-03")
	b := sortKey(schema.StatementIRI(schema.IDBase+"article/abc", schema.Span{Start: 10, End: 12}, "x"), "2021-03")
	c := sortKey(schema.StatementIRI(schema.IDBase+"article/abc", schema.Span{Start: 1, End: 2}, "x"), "2021-03-01")
	if !(a < b && b < c) {
		t.Errorf("sort keys out of order: %q %q %q", a, b, c)
	}
}

// TestBatchReloadKeepsSharedValues: a batch that removes a value's last
// uses from some statements while adding it to another keeps the new use
// (Cayley's kv writer drops it when both are in one ApplyDeltas; see hookKV).
func TestBatchReloadKeepsSharedValues(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			s := be.open(t)
			mustPut(t, s, synthetic(3))
			mustPut(t, s, synthetic(4))
			r1 := synthetic(3)
			r1.Statements = r1.Statements[:1] // drops a STATE statement
			r2 := synthetic(4)
			r2.Statements[0].Act = schema.ActState // adds one
			if _, err := s.PutExtractions(ctx, []*schema.Extraction{r1, r2}); err != nil {
				t.Fatal(err)
			}
			sts, err := s.Statements(ctx, schema.StatementFilter{Speaker: schema.EntityIRI(schema.TypePerson, "Minister M4")})
			if err != nil || len(sts) != 1 || sts[0].Act != schema.ActState {
				t.Fatalf("statements of M4 = %+v, %v; want one STATE statement", sts, err)
			}
		})
	}
}

// TestLinks: the adjacency a walk reads names exactly the statements and
// event accounts the decoded reads find for an entity, merges included,
// and keeps only the most recent when asked for fewer.
func TestLinks(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			s := be.open(t)
			pagedStore(t, s)
			for _, id := range []string{
				schema.EntityIRI(schema.TypeState, "State S4"),
				schema.EntityIRI(schema.TypePerson, "Minister M3"), // M10 merged into it
			} {
				want := map[string]bool{}
				for _, f := range []schema.StatementFilter{{Speaker: id}, {About: id}, {Target: id}, {AccordingTo: id}} {
					sts, err := s.Statements(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					for _, st := range sts {
						want[st.ID] = true
					}
				}
				evs, err := s.Events(ctx, schema.EventFilter{Participant: id})
				if err != nil {
					t.Fatal(err)
				}
				all, err := s.Links(ctx, []string{"https://newsgraph.example/id/person/nobody", id}, 1000)
				if err != nil || len(all) != 2 || len(all[0].Statements)+len(all[0].Events) != 0 {
					t.Fatalf("Links = %v, %v", all, err)
				}
				ls := all[1]
				got := map[string]bool{}
				for _, l := range ls.Statements {
					got[l.ID] = true
					if l.Speaker != id && l.Target != id && l.AccordingTo != id && !slices.Contains(l.About, id) {
						t.Errorf("%s: link %+v does not involve it", id, l)
					}
				}
				if len(got) != len(want) || len(want) == 0 {
					t.Errorf("%s: %d statement links, want %d", id, len(got), len(want))
				}
				if len(ls.Events) != len(evs) {
					t.Errorf("%s: %d event links, want %d", id, len(ls.Events), len(evs))
				}
				accounts := make([]string, len(ls.Events))
				for i, e := range ls.Events {
					accounts[i] = e.Account
					if !slices.Contains(e.Participants, id) {
						t.Errorf("%s: event link %+v lacks it", id, e)
					}
				}
				decoded, err := s.EventsByAccount(ctx, accounts)
				if err != nil {
					t.Fatal(err)
				}
				for i, e := range decoded {
					if e == nil || e.ID != ls.Events[i].Event {
						t.Errorf("EventsByAccount(%s) = %+v", accounts[i], e)
					}
				}
				roles, err := s.Roles(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if len(ls.Roles) < len(roles) {
					t.Errorf("%s: %d role links, want at least the %d roles", id, len(ls.Roles), len(roles))
				}
				for _, rl := range ls.Roles {
					if !slices.ContainsFunc(roles, func(r *schema.Role) bool { return r.Of == rl.Of }) {
						t.Errorf("%s: role link %+v matches no role", id, rl)
					}
				}
				few, err := s.Links(ctx, []string{id}, 2)
				if err != nil || len(few[0].Statements) > 4*2*2 || len(few[0].Events) > 2*2 {
					t.Errorf("%s: Links(recent 2) = %v, %v", id, few, err)
				}
			}
		})
	}
}

// TestPostgresCacheFollowsOtherWriters: two stores over one PostgreSQL
// database (two kg processes) each cache what they read; a write through
// one is seen by the next read through the other.
func TestPostgresCacheFollowsOtherWriters(t *testing.T) {
	backends(t) // fails in CI without PostgreSQL
	dsn := os.Getenv("KG_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("PostgreSQL backend skipped: set KG_TEST_POSTGRES")
	}
	addr := graphtest.FreshPostgres(t, dsn)
	ctx := context.Background()
	a, b := mustOpen(t, addr), mustOpen(t, addr)
	mustPut(t, a, synthetic(1))
	id := schema.EntityIRI(schema.TypePerson, "Minister M1")
	read := func() *schema.Entity {
		es, err := b.EntitiesByID(ctx, []string{id})
		if err != nil || es[0] == nil {
			t.Fatalf("EntitiesByID through b: %v, %v", es, err)
		}
		return es[0]
	}
	if e := read(); slices.Contains(e.Aliases, "The Minister") {
		t.Fatal("alias before it was added")
	}
	if err := a.AddAlias(ctx, id, "The Minister"); err != nil {
		t.Fatal(err)
	}
	if e := read(); !slices.Contains(e.Aliases, "The Minister") {
		t.Fatalf("b still reads %v after a's write", e.Aliases)
	}
	mustPut(t, a, synthetic(2))
	if n, err := b.CountStatements(ctx, schema.StatementFilter{}); err != nil || n != 4 {
		t.Fatalf("b counts %d statements, %v; want 4", n, err)
	}
}

// BenchmarkStatementPage: the first page of 20 statements by act, by
// speaker and act, and a layer of links, on 3,000 synthetic articles per
// backend. A page reads its keys only, so it costs about the same at any
// store size (bench/run.sh measures 10k and 100k articles end to end).
func BenchmarkStatementPage(b *testing.B) {
	ctx := context.Background()
	for _, be := range backends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			xs := make([]*schema.Extraction, 3000)
			for i := range xs {
				xs[i] = synthetic(i)
			}
			for i := 0; i < len(xs); i += 500 {
				if _, err := s.PutExtractions(ctx, xs[i:i+500]); err != nil {
					b.Fatal(err)
				}
			}
			s4 := schema.EntityIRI(schema.TypeState, "State S4")
			twenty := 20
			for _, c := range []struct {
				name string
				f    schema.StatementFilter
			}{
				{"act", schema.StatementFilter{Act: schema.ActState}},
				{"speaker+act", schema.StatementFilter{Speaker: s4, Act: schema.ActState}},
				{"about+dates", schema.StatementFilter{About: s4, From: "2021-03", To: "2021-06"}},
			} {
				b.Run(c.name, func(b *testing.B) {
					for b.Loop() {
						p, err := s.StatementPage(ctx, c.f, schema.PageRequest{First: &twenty})
						if err != nil || len(p.IDs) == 0 {
							b.Fatal(len(p.IDs), err)
						}
						if _, err := s.StatementsByID(ctx, p.IDs); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
				})
			}
			b.Run("links of 20 entities", func(b *testing.B) {
				ids := make([]string, 20)
				for i := range ids {
					ids[i] = schema.EntityIRI(schema.TypePerson, fmt.Sprintf("Minister M%d", i))
				}
				for b.Loop() {
					if _, err := s.Links(ctx, ids, 200); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
			})
		})
	}
}
