package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/kg/schema"
)

// benchQuery is one analyst query, with the Gizmo traversal that asks
// Cayley's own HTTP API the nearest equivalent question.
type benchQuery struct {
	name, graphql, gizmo string
}

func iri(t schema.EntityType, name string) string { return "<" + schema.EntityIRI(t, name) + ">" }

// benchQueries are the five analyst queries of the benchmark, over the
// entities of the synthetic corpus (kg gen).
var benchQueries = []benchQuery{
	{"statements by act",
		`{ statements(filter: {act: EXPRESS_CONCERN}, first: 20) { edges { node { speaker { name } accordingTo { name } evidence { text } } } } }`,
		`g.V().Has("<` + schema.PAct + `>", "EXPRESS_CONCERN").Limit(20).Out("<` + schema.PSpeaker + `>").Out("<` + schema.PName + `>").All()`},
	{"statements by speaker",
		`{ statements(filter: {speaker: "Vladimir Putin"}, first: 20) { edges { node { act content article { date } } } } }`,
		`g.V("` + iri(schema.TypePerson, "Vladimir Putin") + `").In("<` + schema.PSpeaker + `>").Limit(20).Out("<` + schema.PContent + `>").All()`},
	{"about an entity in a date range",
		`{ statements(filter: {about: "Crimea", from: "2016-01", to: "2016-12"}, first: 20) { edges { node { speaker { name } date } } } }`,
		`g.V("` + iri(schema.TypePlace, "Crimea") + `").In("<` + schema.PAbout + `>").Has("<` + schema.PDate + `>").Limit(20).All()`},
	{"two-hop neighbours",
		`{ neighbors(id: "Sergei Lavrov", depth: 2, first: 50) { depth entity { name } } }`,
		`g.V("` + iri(schema.TypePerson, "Sergei Lavrov") + `").In("<` + schema.PSpeaker + `>").Out("<` + schema.PAbout + `>").In("<` + schema.PAbout + `>").Out("<` + schema.PSpeaker + `>").Unique().Limit(50).All()`},
	{"path between two entities",
		`{ path(from: "Antony Blinken", to: "Vladimir Putin", maxDepth: 3, first: 5) { length links { relation } } }`,
		`g.V("` + iri(schema.TypePerson, "Antony Blinken") + `").In("<` + schema.PSpeaker + `>").Out("<` + schema.PAbout + `>").In("<` + schema.PAbout + `>").Out("<` + schema.PSpeaker + `>").Is("` + iri(schema.TypePerson, "Vladimir Putin") + `").Limit(5).All()`},
}

func cmdBench(e *env, args []string) int {
	f := newFlags(e, "bench", "kg bench measures the latency of five analyst queries through GraphQL over HTTP\n"+
		"(p50/p99 over --n runs each) against a running kg serve, and with --cayley the nearest\n"+
		"Gizmo traversal against Cayley's own HTTP API over the same quads. See bench/run.sh.",
		"  kg bench --url http://127.0.0.1:8080/query --cayley http://127.0.0.1:64210 --n 200")
	url := f.String("url", "http://127.0.0.1:8080/query", "the GraphQL endpoint of a running kg serve")
	cayley := f.String("cayley", "", "base URL of a running `cayley http` over the same quads (optional)")
	n := f.Int("n", 100, "runs of each query")
	if _, code, ok := parse(f, args); !ok {
		return code
	}
	client := &http.Client{Timeout: time.Minute}
	fmt.Fprintf(e.stdout, "%-34s %10s %10s %12s %12s\n", "query", "kg p50 ms", "kg p99 ms", "cayley p50", "cayley p99")
	for _, q := range benchQueries {
		k50, k99 := cells(e, "kg", q.name, *n, func() error { return postJSON(client, *url, map[string]any{"query": q.graphql}) })
		c50, c99 := "-", "-"
		if *cayley != "" {
			c50, c99 = cells(e, "cayley", q.name, *n, func() error { return postGizmo(client, *cayley, q.gizmo) })
		}
		fmt.Fprintf(e.stdout, "%-34s %10s %10s %12s %12s\n", q.name, k50, k99, c50, c99)
	}
	return exitOK
}

// cells measures fn and formats its p50 and p99; a failure is printed to
// standard error and shows as "error" in the table.
func cells(e *env, who, name string, n int, fn func() error) (string, string) {
	lat, err := measure(n, fn)
	if err != nil {
		e.fail("bench %s on %s: %v", name, who, err)
		return "error", "error"
	}
	return fmt.Sprintf("%.2f", pct(lat, 50)), fmt.Sprintf("%.2f", pct(lat, 99))
}

// measure runs fn n times (after one warm-up) and returns the latencies in ms.
func measure(n int, fn func() error) ([]float64, error) {
	if err := fn(); err != nil {
		return nil, err
	}
	lat := make([]float64, 0, n)
	for i := 0; i < n; i++ {
		start := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
	}
	slices.Sort(lat)
	return lat, nil
}

// pct returns the p-th percentile of sorted values.
func pct(sorted []float64, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func postJSON(c *http.Client, url string, body any) error {
	b, _ := json.Marshal(body)
	resp, err := c.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
		return fmt.Errorf("%s: %.300s", resp.Status, out)
	}
	// An empty answer is fast and measures nothing: the corpus (or the
	// extractor) no longer has what the query asks for.
	for _, empty := range []string{`"edges":[]`, `"neighbors":[]`, `"path":[]`} {
		if bytes.Contains(out, []byte(empty)) {
			return fmt.Errorf("empty answer (%s): the store has nothing this query can find; change the query or the corpus", empty)
		}
	}
	return nil
}

func postGizmo(c *http.Client, base, query string) error {
	resp, err := c.Post(strings.TrimSuffix(base, "/")+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader(query))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"error"`)) {
		return fmt.Errorf("%s: %.300s", resp.Status, out)
	}
	return nil
}
