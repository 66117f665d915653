package main

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

// BenchmarkLoad measures end-to-end ingest (reading, extraction on every
// core, batched writes) of generated articles into a bbolt file and into
// memory, reporting articles/s and quads/s. Run:
//
//	go test -run '^$' -bench Load -benchtime 1x ./cmd/kg
func BenchmarkLoad(b *testing.B) {
	const n = 500
	corpus := filepath.Join(b.TempDir(), "corpus.jsonl")
	if err := writeSynthetic(&env{}, corpus, n, 5); err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct{ name, addr string }{
		{"bbolt", "file"},
		{"memory", "memory:"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var articles, quads int
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				addr := tc.addr
				if addr == "file" {
					addr = filepath.Join(b.TempDir(), "kg.db")
				}
				st, err := graph.Open(context.Background(), addr)
				if err != nil {
					b.Fatal(err)
				}
				p, err := newPipeline(context.Background(), st, nil)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				sum, err := p.LoadPaths(context.Background(), []string{corpus}, runtime.NumCPU(), nil)
				elapsed += time.Since(start)
				st.Close()
				if err != nil || sum.failed > 0 {
					b.Fatalf("load: %v, %d failed", err, sum.failed)
				}
				articles += sum.loaded
				quads += sum.quads
			}
			b.ReportMetric(float64(articles)/elapsed.Seconds(), "articles/s")
			b.ReportMetric(float64(quads)/elapsed.Seconds(), "quads/s")
		})
	}
}

// TestBenchQueriesFindSomething: every analyst query of kg bench answers
// something on a generated corpus, so a change to the generator or the
// extractor cannot turn a benchmark into the timing of an empty answer.
func TestBenchQueriesFindSomething(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := writeSynthetic(&env{}, corpus, 400, 5); err != nil {
		t.Fatal(err)
	}
	p := openPipeline(t, "memory:")
	if _, err := p.LoadPaths(context.Background(), []string{corpus}, runtime.NumCPU(), nil); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewHandler(resolvers.New(p.Store, p), httpapi.Config{Log: discardLog()}))
	defer srv.Close()
	for _, q := range benchQueries {
		if err := postJSON(srv.Client(), srv.URL+"/query", map[string]any{"query": q.graphql}); err != nil {
			t.Errorf("%s: %v", q.name, err)
		}
	}
}
