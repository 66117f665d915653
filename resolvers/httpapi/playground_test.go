package httpapi_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/newsgraph/kg/resolvers/generated"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

// TestPlayground checks that the page and every file it references are
// served from this server with the right content types, and that nothing in
// them loads anything from elsewhere.
func TestPlayground(t *testing.T) {
	srv := newServer(t, httpapi.Config{})
	get := func(path string) reply {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		return do(t, req)
	}
	page := get("/")
	if page.Status != http.StatusOK || page.ContentType != "text/html; charset=utf-8" {
		t.Fatalf("page: %d %q", page.Status, page.ContentType)
	}
	if strings.Contains(page.Body, "http://") || strings.Contains(page.Body, "https://") {
		t.Errorf("the page names an absolute URL:\n%s", page.Body)
	}
	for _, want := range []string{"WhoExpressedConcern", "KremlinReported", "UkraineByDate", "EntityRoles",
		"EventsByType", `"endpoint":"/query"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page.Body, -1)
	types := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
	var served []string
	for _, m := range refs {
		ref := m[1]
		if strings.HasPrefix(ref, "data:") {
			continue
		}
		if !strings.HasPrefix(ref, "/assets/") {
			t.Errorf("the page references %q, outside /assets/", ref)
			continue
		}
		r := get(ref)
		if r.Status != http.StatusOK || r.ContentType != types[filepath.Ext(ref)] {
			t.Errorf("%s: %d %q, want 200 %q", ref, r.Status, r.ContentType, types[filepath.Ext(ref)])
		}
		// Loads from elsewhere: CSS imports and url()s, script or module
		// URLs of CDNs. (Links in comments and help texts are not loads.)
		for _, bad := range []*regexp.Regexp{
			regexp.MustCompile(`@import`),
			regexp.MustCompile(`url\(\s*["']?(https?:)?//`),
			regexp.MustCompile(`(unpkg\.com|jsdelivr\.net|cdnjs\.|esm\.sh|googleapis\.com|skypack\.dev)`),
		} {
			if loc := bad.FindStringIndex(r.Body); loc != nil {
				t.Errorf("%s loads from elsewhere: …%s…", ref, r.Body[max(loc[0]-40, 0):min(loc[1]+40, len(r.Body))])
			}
		}
		served = append(served, ref)
	}
	for _, want := range []string{"/assets/graphiql.min.css", "/assets/react.production.min.js",
		"/assets/react-dom.production.min.js", "/assets/graphiql.min.js", "/assets/playground.js"} {
		if !slices.Contains(served, want) {
			t.Errorf("the page does not load %s", want)
		}
	}
	for _, lic := range []string{"/assets/LICENSE-graphiql.txt", "/assets/LICENSE-react.txt", "/assets/NOTICE.md"} {
		if r := get(lic); r.Status != http.StatusOK || !strings.HasPrefix(r.ContentType, "text/plain") {
			t.Errorf("%s: %d %q", lic, r.Status, r.ContentType)
		}
	}
	for _, path := range []string{"/assets/", "/assets/nope.js", "/nope"} {
		if r := get(path); r.Status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, r.Status)
		}
	}
	if csp := pageHeader(t, srv.URL, "Content-Security-Policy"); !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy %q does not confine the page to this server", csp)
	}
}

func pageHeader(t *testing.T, base, name string) string {
	t.Helper()
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get(name)
}

// exampleFiles reads examples/queries/*.graphql, by name.
func exampleFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.graphql"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no example queries in %s (%v)", dir, err)
	}
	files := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(n)] = string(b)
	}
	return files
}

// exampleAnswers is a piece of each example's answer over the seed.
var exampleAnswers = map[string]string{
	"01_who_expressed_concern.graphql": `"accordingTo":{"name":"Maison Blanche"}`,
	"02_kremlin_reported.graphql":      `"speaker":{"name":"Vladimir Poutine"},"act":"CALL_ON"`,
	"03_ukraine_by_date.graphql":       `"totalCount":2`,
	"04_entity_roles.graphql":          `"role":"president","of":{"name":"États-Unis","type":"STATE"}`,
	"05_events_by_type.graphql":        `"status":"OCCURRED","date":"2021-04-13"`,
	"06_articles.graphql":              `"totalCount":3`,
}

// TestExampleQueries validates every example query against the executable
// schema, runs it over the seeded graph (it must answer without errors and
// with data).
func TestExampleQueries(t *testing.T) {
	examples := exampleFiles(t, "../../examples/queries")
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	srv := newServer(t, httpapi.Config{})
	for name, text := range examples {
		t.Run(name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Name: name, Input: text})
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if errs := validator.Validate(schema, doc); errs != nil {
				t.Fatalf("invalid: %v", errs)
			}
			if len(doc.Operations) != 1 || doc.Operations[0].Name == "" {
				t.Errorf("want one named operation (GraphiQL names its tab after it)")
			}
			r := post(t, srv, "application/graphql-response+json", gqlBody(text, nil))
			if r.Status != http.StatusOK || r.JSON["errors"] != nil {
				t.Fatalf("run: %d %.400s", r.Status, r.Body)
			}
			if want := exampleAnswers[name]; !strings.Contains(r.Body, want) {
				t.Errorf("answer lacks %s: %.400s", want, r.Body)
			}
		})
	}
}
