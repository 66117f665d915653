package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph/graphtest"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

// instance is one `kg serve` over a shared store, as a separate process
// would be: its own store handle, pipeline and HTTP server.
func instance(t *testing.T, dsn string) *httptest.Server {
	t.Helper()
	p := openPipeline(t, dsn)
	p.CurationEvery = time.Nanosecond
	srv := httptest.NewServer(httpapi.NewHandler(resolvers.New(p.Store, p), httpapi.Config{Log: discardLog()}))
	t.Cleanup(srv.Close)
	return srv
}

func gql(t *testing.T, srv *httptest.Server, query string, vars map[string]any) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	if strings.Contains(b.String(), `"errors"`) {
		t.Fatalf("%s: %s", query, b.String())
	}
	return b.String()
}

// TestTwoServersOneDatabase: two kg serve instances over one PostgreSQL
// database serve the same graph; ingest and curation through one are seen
// and honoured by the other.
func TestTwoServersOneDatabase(t *testing.T) {
	dsn := graphtest.PostgresDSN(t)
	a, b := instance(t, dsn), instance(t, dsn)
	ingest := `mutation($t: String!) { ingestArticle(input: {text: $t, date: "2021-04-15", language: "en"}) { created } }`
	gql(t, a, ingest, map[string]any{"t": "The Kremlin said that Vladimir Putin stressed that the Minsk agreements remained the only basis for a settlement."})
	out := gql(t, b, `{ statements(filter: {speaker: "Putin"}) { edges { node { act accordingTo { name } } } } }`, nil)
	if !strings.Contains(out, "Kremlin") {
		t.Fatalf("server B does not see what A ingested: %s", out)
	}
	id := gql(t, b, `{ entity(name: "Putin") { id } }`, nil)
	var res struct {
		Data struct{ Entity struct{ ID string } }
	}
	_ = json.Unmarshal([]byte(id), &res)
	gql(t, a, `mutation($e: ID!) { addAlias(entity: $e, alias: "Vovan Tsarsky") { name } }`, map[string]any{"e": res.Data.Entity.ID})
	gql(t, b, ingest, map[string]any{"t": "Vovan Tsarsky said on Friday that Russia would not back down over Ukraine."})
	out = gql(t, a, `{ statements(filter: {text: "back down"}) { edges { node { speaker { name } } } } }`, nil)
	if !strings.Contains(out, "Putin") {
		t.Fatalf("B did not honour the alias curated through A: %s", out)
	}

	gql(t, a, ingest, map[string]any{"t": "Maria Kowalczyk said on Saturday that talks with Kyiv were frozen."})
	dup := gql(t, a, `{ entity(name: "Maria Kowalczyk") { id } }`, nil)
	var d struct {
		Data struct{ Entity *struct{ ID string } }
	}
	_ = json.Unmarshal([]byte(dup), &d)
	if d.Data.Entity == nil {
		t.Fatalf("the new speaker was not extracted: %s", dup)
	}
	gql(t, a, `mutation($a: ID!, $b: ID!) { mergeEntities(into: $a, from: $b) { name } }`,
		map[string]any{"a": res.Data.Entity.ID, "b": d.Data.Entity.ID})
	out = gql(t, b, `{ statements(filter: {text: "frozen"}) { edges { node { speaker { name } } } } }`, nil)
	if !strings.Contains(out, "Putin") {
		t.Fatalf("B does not honour the merge made through A: %s", out)
	}
}
