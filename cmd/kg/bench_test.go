package main

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph"
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
