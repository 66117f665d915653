package graph

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph/graphtest"
	"github.com/newsgraph/kg/schema"
)

// benchBackends are the stores benchmarks run on: memory and a bbolt file,
// plus PostgreSQL when KG_TEST_POSTGRES is set.
func benchBackends(b *testing.B) []backend {
	bs := []backend{
		{"memory", func(t testing.TB) *Store { return mustOpen(t, "memory:") }},
		{"bbolt", func(t testing.TB) *Store { return mustOpen(t, filepath.Join(t.TempDir(), "kg.db")) }},
	}
	if dsn := os.Getenv("KG_TEST_POSTGRES"); dsn != "" {
		bs = append(bs, backend{"postgres", func(t testing.TB) *Store { return mustOpen(t, graphtest.FreshPostgres(t, dsn)) }})
	}
	return bs
}

// BenchmarkPutExtraction writes distinct synthetic articles one
// PutExtraction (one transaction) each, and reports quads written per second.
func BenchmarkPutExtraction(b *testing.B) {
	for _, be := range benchBackends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			xs := make([]*schema.Extraction, b.N)
			for i := range xs {
				xs[i] = synthetic(i)
			}
			quads := 0
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				r, err := s.PutExtraction(ctx, xs[i])
				if err != nil {
					b.Fatal(err)
				}
				quads += r.Added
			}
			b.ReportMetric(float64(quads)/time.Since(start).Seconds(), "quads/s")
			b.ReportMetric(float64(quads)/float64(b.N), "quads/article")
		})
	}
}

// BenchmarkPutExtractions writes synthetic articles in batches of 100, one
// transaction per batch, and reports quads written per second.
func BenchmarkPutExtractions(b *testing.B) {
	const batch = 100
	for _, be := range benchBackends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			quads := 0
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				xs := make([]*schema.Extraction, batch)
				for j := range xs {
					xs[j] = synthetic(i*batch + j)
				}
				b.StartTimer()
				rs, err := s.PutExtractions(ctx, xs)
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range rs {
					quads += r.Added
				}
			}
			b.ReportMetric(float64(quads)/time.Since(start).Seconds(), "quads/s")
		})
	}
}

// benchArticles is the size of the store the query benchmarks run on.
const benchArticles = 3000

// BenchmarkStatementsByAct queries the statements of one act (about 1/14 of
// a store of benchArticles synthetic articles) and reports ms per query.
func BenchmarkStatementsByAct(b *testing.B) {
	for _, be := range benchBackends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			for i := range benchArticles {
				if _, err := s.PutExtraction(ctx, synthetic(i)); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			start := time.Now()
			n := 0
			for i := 0; i < b.N; i++ {
				sts, err := s.Statements(ctx, schema.StatementFilter{Act: schema.ActWarn})
				if err != nil {
					b.Fatal(err)
				}
				n = len(sts)
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/query")
			b.ReportMetric(float64(n), "results")
		})
	}
}

// BenchmarkEntitiesByID measures the dataloader path: one batch of 50 ids.
func BenchmarkEntitiesByID(b *testing.B) {
	for _, be := range benchBackends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			for i := range 500 {
				if _, err := s.PutExtraction(ctx, synthetic(i)); err != nil {
					b.Fatal(err)
				}
			}
			ids := make([]string, 50)
			for i := range ids {
				ids[i] = schema.EntityIRI(schema.TypePerson, synthetic(i).Entities[0].Name)
			}
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if _, err := s.EntitiesByID(ctx, ids); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/batch")
		})
	}
}

// BenchmarkEntitiesList lists every entity (with mention counts) of a store
// of benchArticles synthetic articles: the GraphQL entities page.
func BenchmarkEntitiesList(b *testing.B) {
	for _, be := range benchBackends(b) {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			for i := 0; i < benchArticles; i += 100 {
				xs := make([]*schema.Extraction, 100)
				for j := range xs {
					xs[j] = synthetic(i + j)
				}
				if _, err := s.PutExtractions(ctx, xs); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			start := time.Now()
			n := 0
			for i := 0; i < b.N; i++ {
				es, err := s.Entities(ctx, schema.EntityFilter{})
				if err != nil {
					b.Fatal(err)
				}
				n = len(es)
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/query")
			b.ReportMetric(float64(n), "results")
		})
	}
}
