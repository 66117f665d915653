package resolvers_test

import (
	"testing"
	"time"
)

// BenchmarkCentralQuery measures the central query (statements by
// act with speaker, source, article and evidence) through gqlgen, over a
// memory store of 200 articles. Run: go test -bench . ./resolvers
func BenchmarkCentralQuery(b *testing.B) {
	_, r := fixture(b, 200)
	c := newClient(r)
	q := `{ statements(filter: {act: EXPRESS_CONCERN}, first: 50) { edges { node {
	  speaker { name } act content accordingTo { name } article { title date } evidence { text } } } } }`
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		var resp map[string]any
		if err := c.Post(q, &resp); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/query")
}
