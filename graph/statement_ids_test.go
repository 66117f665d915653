package graph

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// TestStatementIDsMatchStatements: the ID-first read returns exactly the
// statements of Statements, in the same order, for every kind of filter, on
// every backend; StatementsByID decodes them in the order asked.
func TestStatementIDsMatchStatements(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			s := be.open(t)
			xs := make([]*schema.Extraction, 40)
			for i := range xs {
				xs[i] = synthetic(i)
			}
			if _, err := s.PutExtractions(ctx, xs); err != nil {
				t.Fatal(err)
			}
			m3 := schema.EntityIRI(schema.TypePerson, "Minister M3")
			s4 := schema.EntityIRI(schema.TypeState, "State S4")
			filters := []schema.StatementFilter{
				{},
				{Act: schema.ActState},
				{Speaker: m3},
				{About: s4},
				{About: s4, Act: schema.Acts[3]},
				{From: "2021-03", To: "2021-05-10"},
				{Speaker: s4, From: "2021-06"},
				{Text: "talks"},
				{Speaker: schema.EntityIRI(schema.TypePerson, "Nobody")},
			}
			for _, f := range filters {
				t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
					want, err := s.Statements(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					ids, err := s.StatementIDs(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					wantIDs := make([]string, len(want))
					for i, st := range want {
						wantIDs[i] = st.ID
					}
					if !slices.Equal(ids, wantIDs) {
						t.Fatalf("StatementIDs = %d ids, Statements = %d, or another order", len(ids), len(wantIDs))
					}
					got, err := s.StatementsByID(ctx, append(slices.Clone(ids), "https://newsgraph.example/id/statement/none"))
					if err != nil {
						t.Fatal(err)
					}
					if len(got) != len(ids)+1 || got[len(ids)] != nil {
						t.Fatalf("StatementsByID: %d results for %d ids, last %v", len(got), len(ids)+1, got[len(got)-1])
					}
					for i := range ids {
						if got[i] == nil || got[i].ID != ids[i] || got[i].Content != want[i].Content {
							t.Fatalf("StatementsByID[%d] = %+v, want %s", i, got[i], ids[i])
						}
					}
				})
			}
		})
	}
}

// BenchmarkStatementIDsByAct is BenchmarkStatementsByAct through the
// ID-first read and one decoded page of 20.
func BenchmarkStatementIDsByAct(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b, "memory:")
	xs := make([]*schema.Extraction, 3000)
	for i := range xs {
		xs[i] = synthetic(i)
	}
	if _, err := s.PutExtractions(ctx, xs); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ids, err := s.StatementIDs(ctx, schema.StatementFilter{Act: schema.ActState})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.StatementsByID(ctx, ids[:min(20, len(ids))]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/query")
}
