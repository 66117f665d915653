package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/kg/resolvers/httpapi"
)

// nest builds { entity(name: "Biden") { statementsMade { edges { node {
// speaker { statementsMade … } } } } } }, levels connections deep: 4 levels
// of selection per connection, plus the entity and the leaf.
func nest(levels int) string {
	return `{ entity(name: "Biden") { ` + strings.Repeat("statementsMade(first: 1) { edges { node { speaker { ", levels) +
		"name" + strings.Repeat(" } } } }", levels) + " } }"
}

// fragmentBomb chains n fragments, each spreading the previous one twice.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ statements { edges { node { ...F" + fmt.Sprint(n-1) + " } } } }\nfragment F0 on Statement { content }\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "fragment F%d on Statement { ...F%d c%d: content ...F%d }\n", i, i-1, i, i-1)
	}
	return b.String()
}

// wideFragments chains n fragments, each selecting the previous one under
// two aliases of a connection: the answer really doubles at each level.
func wideFragments(n int) string {
	var b strings.Builder
	b.WriteString("{ entity(name: \"Biden\") { ...G" + fmt.Sprint(n-1) + " } }\nfragment G0 on Entity { name }\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "fragment G%d on Entity { a: statementsAbout { edges { node { about { ...G%d } } } } b: statementsMade { edges { node { about { ...G%d } } } } }\n", i, i-1, i-1)
	}
	return b.String()
}

// introspection is a query as deep as GraphiQL's own (the TypeRef fragment
// nests ofType eight times).
const introspection = `query IntrospectionQuery { __schema { queryType { name } mutationType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }`

// TestHostileQueries checks that hostile queries are refused before any
// resolver runs, with a code that says why, and that legitimate deep or
// introspective queries still pass. Each refusal is a plain request: were
// a limit missing, the fragment bomb alone would take minutes.
func TestHostileQueries(t *testing.T) {
	srv := newServer(t, httpapi.Config{})
	aliases := func(n int, sel string) string {
		var b strings.Builder
		b.WriteString("{ ")
		for i := range n {
			fmt.Fprintf(&b, "a%d: %s ", i, sel)
		}
		return b.String() + "}"
	}
	tests := []struct {
		name, query string
		vars        map[string]any
		status      int
		code        string // "" when the query must succeed
		message     string
	}{
		{"depth 50", nest(12) /* 4×12+2 levels */, nil, 400, "QUERY_TOO_COMPLEX", "nests 50 levels"},
		{"depth 13", `{ entity(name: "Biden") { ` + strings.Repeat("statementsMade(first: 1) { edges { node { speaker { ", 3) +
			"statementsMade { totalCount } " + strings.Repeat(" } } } }", 3) + " } }", nil, 400, "QUERY_TOO_COMPLEX", "limit is 12"},
		{"depth 10 passes", nest(2), nil, 200, "", ""},
		{"alias bomb", aliases(100, "statements { edges { node { content } } }"), nil, 400, "QUERY_TOO_COMPLEX", "estimated cost"},
		{"nested connections", `{ statements(first: 100) { edges { node { speaker { statementsMade(first: 100) { edges { node { content } } } } } } } }`,
			nil, 400, "QUERY_TOO_COMPLEX", "estimated cost"},
		{"nested connections, pages in variables", `query($n: Int) { statements(first: $n) { edges { node { speaker {
			statementsMade(first: $n) { edges { node { content } } } } } } } }`, map[string]any{"n": 100},
			400, "QUERY_TOO_COMPLEX", "estimated cost"},
		{"nested lists with first", `{ neighbors(id: "Biden", first: 100) { via { statement { speaker { statementsMade(first: 100) { totalCount } } } } } }`,
			nil, 400, "QUERY_TOO_COMPLEX", "estimated cost"},
		{"list default first counts", `{ a: neighbors(id: "Biden") { entity { statementsMade { edges { node { content } } } } }
			    b: neighbors(id: "Putin") { entity { statementsMade { edges { node { content } } } } } }`,
			nil, 400, "QUERY_TOO_COMPLEX", "estimated cost"},
		{"fragment bomb", fragmentBomb(30), nil, 200, "", ""}, // execution merges the spreads: it is cheap
		{"wide fragments", wideFragments(3), nil, 400, "QUERY_TOO_COMPLEX", "estimated cost"},
		{"huge page", `{ statements(first: 1000000) { edges { node { content } } } }`, nil, 200, "INVALID_INPUT", "out of range"},
		{"huge page in a variable", `query($n: Int) { statements(last: $n) { edges { cursor } } }`, map[string]any{"n": 1000000},
			200, "INVALID_INPUT", "out of range"},
		{"negative page", `{ statements(first: -1) { totalCount } }`, nil, 200, "INVALID_INPUT", "out of range"},
		{"token flood", "{ " + strings.Repeat("__typename ", 50000) + "}", nil, 400, "QUERY_TOO_COMPLEX", "5000 tokens"},
		{"introspection passes", introspection, nil, 200, "", ""},
		{"central query passes", centralQuery, nil, 200, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, "application/graphql-response+json", gqlBody(tc.query, tc.vars))
			if r.Status != tc.status {
				t.Errorf("status %d, want %d: %.300s", r.Status, tc.status, r.Body)
			}
			if got := r.code(); got != tc.code {
				t.Errorf("code %q, want %q: %.300s", got, tc.code, r.Body)
			}
			if !strings.Contains(r.Body, tc.message) {
				t.Errorf("answer lacks %q: %.300s", tc.message, r.Body)
			}
		})
	}
}

// centralQuery is the analysts' question that must keep working: who
// expressed concern about what, according to whom.
const centralQuery = `{ statements(filter: {act: EXPRESS_CONCERN}) { edges { node {
    speaker { name } act content accordingTo { name } article { title date } evidence { text } } } } }`

// TestCentralQuery runs the central query over HTTP and checks its answer.
func TestCentralQuery(t *testing.T) {
	srv := newServer(t, httpapi.Config{})
	r := post(t, srv, "", gqlBody(centralQuery, nil))
	for _, want := range []string{`"speaker":{"name":"Joe Biden"}`, `"act":"EXPRESS_CONCERN"`,
		`"accordingTo":{"name":"Maison Blanche"}`, `"date":"2021-04-13"`, `"text":"Joe Biden voiced his worry`} {
		if r.Status != http.StatusOK || !strings.Contains(r.Body, want) {
			t.Errorf("missing %s in %d %s", want, r.Status, r.Body)
		}
	}
}

// BenchmarkRefuse measures how fast hostile queries are answered; the
// fragment chains are the ones a naive cost walk spends minutes on.
func BenchmarkRefuse(b *testing.B) {
	srv := newServer(b, httpapi.Config{})
	for _, bc := range []struct{ name, query string }{
		{"depth50", nest(12)},
		{"fragmentBomb30", fragmentBomb(30)},
		{"wideFragments12", wideFragments(12)},
		{"tokenFlood", "{ " + strings.Repeat("__typename ", 50000) + "}"},
	} {
		body := gqlBody(bc.query, nil)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				post(b, srv, "", body)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/query")
		})
	}
}
