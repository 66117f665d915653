package resolvers_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/generated"
	"github.com/newsgraph/kg/schema"
)

// countingStore counts the batched entity look-ups, to show the dataloaders
// make them a constant number per level.
type countingStore struct {
	schema.Store
	entityCalls atomic.Int64
}

func (c *countingStore) EntitiesByID(ctx context.Context, ids []string) ([]*schema.Entity, error) {
	c.entityCalls.Add(1)
	return c.Store.EntitiesByID(ctx, ids)
}

func ent(t schema.EntityType, name string, aliases ...string) schema.Entity {
	return schema.Entity{ID: schema.EntityIRI(t, name), Name: name, Type: t, Aliases: aliases}
}

// fixture builds n articles, each with a statement by a different speaker
// reported by the White House, plus one by Putin per article.
func fixture(t testing.TB, n int) (*countingStore, *resolvers.Resolver) {
	t.Helper()
	st, err := graph.Open(context.Background(), "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	wh := ent(schema.TypeOrganization, "Maison Blanche", "White House")
	putin := ent(schema.TypePerson, "Vladimir Poutine", "Poutine", "Putin")
	ukr := ent(schema.TypeState, "Ukraine", "Kiev", "Kyiv")
	for i := 0; i < n; i++ {
		text := strings.Repeat("x", i) + " Biden a exprimé son inquiétude au sujet de l'Ukraine, selon la Maison Blanche."
		a := schema.Article{Text: text, Title: "Article " + string(rune('A'+i%26)), Date: "2021-04-13", Language: "fr"}
		a.Hash = schema.Hash(text)
		a.ID = schema.ArticleIRI(a.Hash)
		speaker := ent(schema.TypePerson, "Speaker "+strings.Repeat("I", i%7+1)+string(rune('a'+i%26)))
		ev := schema.Span{Start: i + 1, End: i + 20, Text: text[i+1 : i+20]}
		s := schema.Statement{Speaker: speaker.ID, Act: schema.ActExpressConcern, Content: "inquiétude",
			About: []string{ukr.ID}, AccordingTo: wh.ID, Evidence: ev, Confidence: 0.9, Article: a.ID, Date: a.Date}
		s.ID = schema.StatementIRI(a.ID, ev, s.Speaker)
		ev2 := schema.Span{Start: i + 21, End: i + 30, Text: text[i+21 : i+30]}
		s2 := schema.Statement{Speaker: putin.ID, Act: schema.ActStress, Content: "Minsk", Evidence: ev2, About: []string{ukr.ID},
			Confidence: 0.8, Article: a.ID, Date: a.Date}
		s2.ID = schema.StatementIRI(a.ID, ev2, s2.Speaker)
		x := &schema.Extraction{Article: a, Entities: []schema.Entity{wh, putin, ukr, speaker},
			Statements: []schema.Statement{s, s2}}
		if _, err := st.PutExtraction(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
	cs := &countingStore{Store: st}
	return cs, resolvers.New(cs, nil)
}

func newClient(r *resolvers.Resolver) *client.Client {
	srv := handler.NewDefaultServer(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	return client.New(r.Middleware(srv))
}

func TestStatementsQueries(t *testing.T) {
	_, r := fixture(t, 5)
	c := newClient(r)
	tests := []struct {
		name, query string
		want        []string // substrings of the JSON answer
		notWant     []string
	}{
		{"by act", `{ statements(filter: {act: EXPRESS_CONCERN}) { totalCount edges { node { act accordingTo { name } about { name } } } } }`,
			[]string{`"totalCount":5`, `"name":"Maison Blanche"`, `"name":"Ukraine"`}, []string{"STRESS"}},
		{"by speaker name, accent-insensitive", `{ statements(filter: {speaker: "poutine"}) { totalCount edges { node { act speaker { name } } } } }`,
			[]string{`"totalCount":5`, `"act":"STRESS"`}, []string{"EXPRESS_CONCERN"}},
		{"by source alias", `{ statements(filter: {accordingTo: "white house"}) { totalCount } }`,
			[]string{`"totalCount":5`}, nil},
		{"unknown name matches nothing", `{ statements(filter: {speaker: "Nobody Atall"}) { totalCount edges { cursor } } }`,
			[]string{`"totalCount":0`, `"edges":[]`}, nil},
		{"entity reverse edges", `{ entity(name: "Putin") { name ... on Person { statementsMade(first: 2) { totalCount pageInfo { hasNextPage } } } } }`,
			[]string{`"name":"Vladimir Poutine"`, `"totalCount":5`, `"hasNextPage":true`}, nil},
		{"entity filter by type", `{ entities(filter: {type: STATE}) { edges { node { name type } } } }`,
			[]string{`"name":"Ukraine"`, `"type":"STATE"`}, []string{"Poutine"}},
		{"search", `{ search(text: "poutin") { entities { edges { node { name } } } statements { totalCount } } }`,
			[]string{`"name":"Vladimir Poutine"`}, nil},
		{"search content", `{ search(text: "MINSK") { statements { totalCount } } }`,
			[]string{`"totalCount":5`}, nil},
		{"path", `{ path(from: "Speaker Ia", to: "Putin", maxDepth: 2) { length links { from { name } to { name } relation statement { act } } } }`,
			[]string{`"length":2`, `"relation":"SPOKE_ABOUT"`, `"relation":"SPOKEN_ABOUT_BY"`, `"name":"Ukraine"`}, nil},
		{"path too short", `{ path(from: "Speaker Ia", to: "Putin", maxDepth: 1) { length } }`,
			[]string{`"path":[]`}, nil},
		{"neighbors", `{ neighbors(id: "Ukraine", depth: 1) { depth entity { name } via { relation } } }`,
			[]string{`"name":"Vladimir Poutine"`, `"relation":"SPOKEN_ABOUT_BY"`, `"depth":1`}, []string{`"depth":2`}},
		{"neighbors depth 2", `{ neighbors(id: "Speaker Ia", depth: 2) { depth entity { name } } }`,
			[]string{`"name":"Vladimir Poutine"`, `"depth":2`}, nil},
		{"articles", `{ articles(first: 2) { totalCount edges { node { title date statements { totalCount } } } } }`,
			[]string{`"totalCount":5`, `"date":"2021-04-13"`, `"totalCount":2`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var resp map[string]any
			if err := c.Post(tc.query, &resp); err != nil {
				t.Fatalf("query: %v", err)
			}
			raw, _ := json.Marshal(resp)
			got := string(raw)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %s in %s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %s in %s", w, got)
				}
			}
		})
	}
}

func TestPagination(t *testing.T) {
	_, r := fixture(t, 7)
	c := newClient(r)
	var seen []string
	after := ""
	for page := 0; page < 10; page++ {
		var resp struct {
			Statements struct {
				Edges    []struct{ Cursor string }
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		q := `query($after: String) { statements(first: 3, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`
		var opts []client.Option
		if after != "" {
			opts = append(opts, client.Var("after", after))
		}
		if err := c.Post(q, &resp, opts...); err != nil {
			t.Fatal(err)
		}
		for _, e := range resp.Statements.Edges {
			seen = append(seen, e.Cursor)
		}
		if !resp.Statements.PageInfo.HasNextPage {
			break
		}
		after = resp.Statements.PageInfo.EndCursor
	}
	if len(seen) != 14 {
		t.Fatalf("paged through %d statements, want 14", len(seen))
	}
	uniq := map[string]bool{}
	for _, s := range seen {
		uniq[s] = true
	}
	if len(uniq) != 14 {
		t.Fatalf("pages overlap: %d distinct of %d", len(uniq), len(seen))
	}
	var resp map[string]any
	err := c.Post(`{ statements(first: 1000000) { totalCount } }`, &resp)
	if err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Fatalf("huge page not refused: %v", err)
	}
	err = c.Post(`{ statements(after: "bm9wZQ") { totalCount } }`, &resp)
	if err == nil || !strings.Contains(err.Error(), "cursor") {
		t.Fatalf("bad cursor not refused: %v", err)
	}
}

// TestDataloaderBatches shows that a page of statements with speakers,
// sources and about-entities costs a constant number of entity look-ups,
// whatever the page size.
func TestDataloaderBatches(t *testing.T) {
	for _, n := range []int{5, 40} {
		cs, r := fixture(t, n)
		c := newClient(r)
		cs.entityCalls.Store(0)
		var resp map[string]any
		q := `{ statements(first: 100) { edges { node { speaker { name } accordingTo { name } about { name } target { name } } } } }`
		if err := c.Post(q, &resp); err != nil {
			t.Fatal(err)
		}
		// speaker, accordingTo, about and target resolve concurrently, so their
		// keys may land in one batch or a few: what matters is that the count
		// does not grow with the page.
		if got := cs.entityCalls.Load(); got > 8 {
			t.Errorf("%d statements cost %d entity look-ups, want a small constant (at most 8)", 2*n, got)
		}
	}
}

func TestRefusals(t *testing.T) {
	_, r := fixture(t, 2)
	c := newClient(r)
	for _, tc := range []struct{ name, query, want string }{
		{"path too deep", `{ path(from: "Ukraine", to: "Putin", maxDepth: 9) { length } }`, "maxDepth 9 out of range"},
		{"neighbors too deep", `{ neighbors(id: "Ukraine", depth: 5) { depth } }`, "depth 5 out of range"},
		{"unknown entity", `{ path(from: "Atlantis", to: "Putin") { length } }`, "no entity"},
		{"empty search", `{ search(text: "  ") { statements { totalCount } } }`, "search needs some words"},
		{"unknown article", `mutation { retractArticle(id: "https://newsgraph.example/id/article/nope") }`, "nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resp map[string]any
			err := c.Post(tc.query, &resp)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want error containing %q, got %v", tc.want, err)
			}
		})
	}
}

func TestCuration(t *testing.T) {
	st, r := fixture(t, 2)
	c := newClient(r)
	putin := schema.EntityIRI(schema.TypePerson, "Vladimir Poutine")
	dup := schema.EntityIRI(schema.TypePerson, "Speaker Ia")
	var resp map[string]any
	if err := c.Post(`mutation($e: ID!) { addAlias(entity: $e, alias: "V. V. Putin") { name aliases } }`, &resp, client.Var("e", putin)); err != nil {
		t.Fatal(err)
	}
	if err := c.Post(`{ entity(name: "v v putin") { name } }`, &resp); err != nil || !strings.Contains(toJSON(resp), "Vladimir Poutine") {
		t.Fatalf("alias not found: %v %v", err, resp)
	}
	if err := c.Post(`mutation($a: ID!, $b: ID!) { mergeEntities(into: $a, from: $b) { name } }`, &resp, client.Var("a", putin), client.Var("b", dup)); err != nil {
		t.Fatal(err)
	}
	if err := c.Post(`{ statements(filter: {speaker: "Putin"}) { totalCount } }`, &resp); err != nil {
		t.Fatal(err)
	}
	if got := toJSON(resp); !strings.Contains(got, `"totalCount":3`) {
		t.Errorf("after the merge Putin should have his 2 statements and the merged speaker's 1: %s", got)
	}
	cur, err := st.Curation(context.Background())
	if err != nil || cur.Merged[dup] != putin || cur.Aliases[schema.Fold("V. V. Putin")] != putin {
		t.Errorf("curation not persisted: %+v %v", cur, err)
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestNodeAndRetract(t *testing.T) {
	_, r := fixture(t, 3)
	c := newClient(r)
	var resp struct {
		Statements struct {
			Edges []struct {
				Node struct {
					ID      string
					Article struct{ ID string }
				}
			}
		}
	}
	if err := c.Post(`{ statements(filter: {act: STRESS}) { edges { node { id article { id } } } } }`, &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Statements.Edges) != 3 {
		t.Fatalf("want 3 STRESS statements, got %d", len(resp.Statements.Edges))
	}
	first := resp.Statements.Edges[0].Node
	for _, tc := range []struct{ id, want string }{
		{first.ID, `"act":"STRESS"`},
		{first.Article.ID, `"date":"2021-04-13"`},
		{schema.EntityIRI(schema.TypeState, "Ukraine"), `"name":"Ukraine"`},
	} {
		var out map[string]any
		q := `query($id: ID!) { node(id: $id) { id ... on Statement { act } ... on Article { date } ... on State { name } } }`
		if err := c.Post(q, &out, client.Var("id", tc.id)); err != nil || !strings.Contains(toJSON(out), tc.want) {
			t.Errorf("node(%s) = %v, %v; want %s", tc.id, toJSON(out), err, tc.want)
		}
	}
	var out map[string]any
	if err := c.Post(`mutation($id: ID!) { retractArticle(id: $id) }`, &out, client.Var("id", first.Article.ID)); err != nil {
		t.Fatal(err)
	}
	if err := c.Post(`{ statements { totalCount } articles { totalCount } }`, &out); err != nil {
		t.Fatal(err)
	}
	if got := toJSON(out); !strings.Contains(got, `"statements":{"totalCount":4}`) || !strings.Contains(got, `"articles":{"totalCount":2}`) {
		t.Errorf("after retracting one of 3 articles: %s", got)
	}
}
