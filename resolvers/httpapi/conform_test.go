package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/newsgraph/kg/resolvers/httpapi"
)

// TestConformance checks the GraphQL-over-HTTP rules gqlgen alone does not
// follow (see conform): the status by media type, and no "data" entry on a
// request error. The external audit (TestAudit) checks the rest.
func TestConformance(t *testing.T) {
	srv := newServer(t, httpapi.Config{})
	const (
		js  = "application/json"
		gql = "application/graphql-response+json"
	)
	tests := []struct {
		name, accept, body string
		status             int
		contentType        string
		data               bool // the response has a "data" entry
		code               string
	}{
		{"query, json", js, `{"query":"{ __typename }"}`, 200, js, true, ""},
		{"query, graphql+json", gql, `{"query":"{ __typename }"}`, 200, gql, true, ""},
		{"no accept means json", "", `{"query":"{ __typename }"}`, 200, js, true, ""},
		{"parse error, json", js, `{"query":"{"}`, 200, js, false, "GRAPHQL_PARSE_FAILED"},
		{"parse error, graphql+json", gql, `{"query":"{"}`, 400, gql, false, "GRAPHQL_PARSE_FAILED"},
		{"validation error, json", js, `{"query":"{ nope }"}`, 200, js, false, "GRAPHQL_VALIDATION_FAILED"},
		{"validation error, graphql+json", gql, `{"query":"{ nope }"}`, 400, gql, false, "GRAPHQL_VALIDATION_FAILED"},
		{"variable coercion, json", js, `{"query":"query($n: Int) { statements(first: $n) { totalCount } }","variables":{"n":"x"}}`,
			200, js, false, "GRAPHQL_VALIDATION_FAILED"},
		{"variable coercion, graphql+json", gql, `{"query":"query($n: Int) { statements(first: $n) { totalCount } }","variables":{"n":"x"}}`,
			400, gql, false, "GRAPHQL_VALIDATION_FAILED"},
		{"unreadable JSON", js, `{ "query`, 400, js, false, "INVALID_INPUT"},
		{"query of the wrong type", gql, `{"query": 7}`, 400, gql, false, "INVALID_INPUT"},
		{"no query, json", js, `{"qeury":"{ __typename }"}`, 400, js, false, "INVALID_INPUT"},
		{"no query, graphql+json", gql, `{}`, 400, gql, false, "INVALID_INPUT"},
		{"resolver error keeps data", gql, `{"query":"{ statements(first: 101) { totalCount } }"}`, 200, gql, true, "INVALID_INPUT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.accept, tc.body)
			if r.Status != tc.status {
				t.Errorf("status %d, want %d: %s", r.Status, tc.status, r.Body)
			}
			if !strings.HasPrefix(r.ContentType, tc.contentType) {
				t.Errorf("content type %q, want %q", r.ContentType, tc.contentType)
			}
			if _, ok := r.JSON["data"]; ok != tc.data {
				t.Errorf("data entry present = %v, want %v: %s", ok, tc.data, r.Body)
			}
			if got := r.code(); got != tc.code {
				t.Errorf("code %q, want %q: %s", got, tc.code, r.Body)
			}
			if strings.Contains(r.Body, "internal error") {
				t.Errorf("a request error reported as internal: %s", r.Body)
			}
		})
	}
}

// TestGETAndBodyLimits covers the other ways in: GET queries, mutations over
// GET (refused), and bodies over the size limit (413, before gqlgen reads them).
func TestGETAndBodyLimits(t *testing.T) {
	srv := newServer(t, httpapi.Config{MaxBody: 1 << 10})
	get := func(q string) reply {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/query?query="+url.QueryEscape(q), nil)
		req.Header.Set("Accept", "application/graphql-response+json")
		return do(t, req)
	}
	if r := get(`{ statements { totalCount } }`); r.Status != 200 || !strings.Contains(r.Body, `"totalCount":6`) {
		t.Errorf("GET query: %d %s", r.Status, r.Body)
	}
	if r := get(`mutation { retractArticle(id: "x") }`); r.Status < 400 || r.Status >= 500 {
		t.Errorf("GET mutation: status %d, want 4xx: %s", r.Status, r.Body)
	}
	big := gqlBody("{ __typename }", map[string]any{"pad": strings.Repeat("x", 2<<10)})
	if r := post(t, srv, "", big); r.Status != http.StatusRequestEntityTooLarge || r.code() != "INVALID_INPUT" {
		t.Errorf("large body: %d %s", r.Status, r.Body)
	}
	// A chunked body has no Content-Length: the limit trips while gqlgen reads it.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/query", struct{ *strings.Reader }{strings.NewReader(big)})
	req.Header.Set("Content-Type", "application/json")
	if r := do(t, req); r.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("large chunked body: %d %s", r.Status, r.Body)
	}
}

// TestAPIKey: with a key configured, a mutation without it is refused before
// it runs (401, no data); queries stay open unless ReadKey is set.
func TestAPIKey(t *testing.T) {
	const mutation = `{"query":"mutation { retractArticle(id: \"https://example.org/nope\") }"}`
	const query = `{"query":"{ statements { totalCount } }"}`
	open := newServer(t, httpapi.Config{APIKey: "s3cret"})
	closed := newServer(t, httpapi.Config{APIKey: "s3cret", ReadKey: true})
	tests := []struct {
		name   string
		srv    *httptest.Server
		body   string
		header [2]string
		status int
		code   string
	}{
		{"mutation without key", open, mutation, [2]string{}, 401, "UNAUTHORIZED"},
		{"mutation with a wrong key", open, mutation, [2]string{"X-API-Key", "guess"}, 401, "UNAUTHORIZED"},
		{"mutation with bearer key", open, mutation, [2]string{"Authorization", "Bearer s3cret"}, 200, "NOT_FOUND"},
		{"mutation with X-API-Key", open, mutation, [2]string{"X-API-Key", "s3cret"}, 200, "NOT_FOUND"},
		{"query without key", open, query, [2]string{}, 200, ""},
		{"query without key, ReadKey", closed, query, [2]string{}, 401, "UNAUTHORIZED"},
		{"query with key, ReadKey", closed, query, [2]string{"X-API-Key", "s3cret"}, 200, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, tc.srv.URL+"/query", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			if tc.header[0] != "" {
				req.Header.Set(tc.header[0], tc.header[1])
			}
			r := do(t, req)
			if r.Status != tc.status || r.code() != tc.code {
				t.Errorf("got %d %q, want %d %q: %s", r.Status, r.code(), tc.status, tc.code, r.Body)
			}
			if _, ok := r.JSON["data"]; ok == (tc.status == 401) {
				t.Errorf("data entry present = %v: %s", ok, r.Body)
			}
		})
	}
}
