package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

// centralQuery is the acceptance query: who expressed concern, about
// what, according to whom, with the evidence.
const centralQuery = `{ statements(filter: {act: EXPRESS_CONCERN}) { edges { node {
    speaker { name } act content accordingTo { name } article { title date } evidence { text } } } } }`

const sample = "../../../shared/corpus/dev/01_fr_biden_putin_call.txt"

// run runs the kg command line and returns its exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

type statementsResult struct {
	Data struct {
		Statements struct {
			Edges []struct {
				Node struct {
					Speaker     struct{ Name string }
					Act         string
					Content     string
					AccordingTo *struct{ Name string }
					Article     struct{ Title, Date string }
					Evidence    struct{ Text string }
				}
			}
		}
	}
	Errors []map[string]any
}

// hasConcern reports whether the result holds speaker's EXPRESS_CONCERN
// attributed to one of sources, with a non-empty evidence text.
func hasConcern(t *testing.T, raw string, speaker string, sources ...string) bool {
	t.Helper()
	var res statementsResult
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatalf("query output is not JSON: %v\n%s", err, raw)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("query errors: %v", res.Errors)
	}
	for _, e := range res.Data.Statements.Edges {
		n := e.Node
		if n.Act != "EXPRESS_CONCERN" || !strings.Contains(n.Speaker.Name, speaker) || n.AccordingTo == nil || n.Evidence.Text == "" {
			continue
		}
		for _, s := range sources {
			if n.AccordingTo.Name == s {
				return true
			}
		}
	}
	return false
}

func TestLoadThenQuerySample(t *testing.T) {
	if _, err := os.Stat(sample); err != nil {
		t.Skip("shared corpus not present")
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if code, _, errs := run(t, "load", "--quiet", "--store", db, sample); code != 0 {
		t.Fatalf("load exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "query", "--store", db, centralQuery)
	if code != 0 {
		t.Fatalf("query exit %d: %s\n%s", code, errs, out)
	}
	if !hasConcern(t, out, "Biden", "Maison Blanche", "White House") {
		t.Fatalf("no Biden EXPRESS_CONCERN according to the White House in:\n%s", out)
	}
	if !strings.Contains(out, "accumulation soudaine de troupes russes") {
		t.Errorf("evidence sentence missing from:\n%s", out)
	}
}

func TestReloadIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	dir := demoDir(t)
	if code, _, errs := run(t, "load", "--quiet", "--store", db, dir); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	_, first, _ := run(t, "export", "--store", db, "--format", "nquads")
	code, _, errs := run(t, "load", "--quiet", "--store", db, dir)
	if code != 0 || !strings.Contains(errs, "loaded 0 article(s)") {
		t.Fatalf("second load: exit %d, %s", code, errs)
	}
	_, second, _ := run(t, "export", "--store", db, "--format", "nquads")
	if first != second || len(first) == 0 {
		t.Fatalf("export changed after reloading: %d vs %d bytes", len(first), len(second))
	}
}

// demoDir writes the embedded demo articles to a temp folder.
func demoDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../examples/articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("../../examples/articles", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadBadInput(t *testing.T) {
	dir := demoDir(t)
	bad := map[string][]byte{
		"binary.txt":  {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0},
		"latin1.txt":  []byte("date 2021-04\n\nLe pr\xe9sident a parl\xe9."),
		"empty.txt":   {},
		"broken.json": []byte(`{"title": "x", "text": "unterminated`),
	}
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	code, _, errs := run(t, "load", "--quiet", "--store", db, dir)
	if code == 0 {
		t.Fatalf("load with bad files exited 0")
	}
	for name := range bad {
		var line string
		for _, l := range strings.Split(errs, "\n") {
			if strings.Contains(l, name) {
				line = l
			}
		}
		if line == "" {
			t.Errorf("no error line names %s:\n%s", name, errs)
		}
	}
	if !strings.Contains(errs, "loaded 4 article(s)") || !strings.Contains(errs, "failed 4") {
		t.Errorf("good files should still load: %s", errs)
	}
	if strings.Contains(errs, "panic") {
		t.Errorf("panic in output: %s", errs)
	}
}

func TestStoreLockedGivesMessage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	st, err := graph.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	done := make(chan struct{})
	var code int
	var errs string
	go func() { code, _, errs = run(t, "export", "--store", db); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("opening a locked store hung")
	}
	if code == 0 || !strings.Contains(errs, "in use") {
		t.Fatalf("want an 'in use' message, got exit %d: %s", code, errs)
	}
}

// openPipeline opens the store at addr (closed when the test ends) and a
// pipeline over it with the built-in extractor.
func openPipeline(t *testing.T, addr string) *Pipeline {
	t.Helper()
	st, err := graph.Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := newPipeline(context.Background(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestServeOverHTTP(t *testing.T) {
	p := openPipeline(t, "memory:")
	st := p.Store
	e := &env{ctx: context.Background(), stdout: io.Discard, stderr: io.Discard, log: discardLog()}
	if _, err := loadDemo(e, p); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h := httpapi.NewHandler(resolvers.New(st, p), httpapi.Config{Log: discardLog(), APIKey: "k3y"})
	go httpapi.Serve(ctx, l, h)
	base := "http://" + l.Addr().String()

	post := func(body string, hdr ...string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, base+"/query", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	q, _ := json.Marshal(map[string]string{"query": centralQuery})
	code, body := post(string(q))
	if code != 200 || !hasConcern(t, body, "Biden", "White House", "Maison Blanche") {
		t.Fatalf("central query over HTTP: %d %s", code, body)
	}

	for _, tc := range []struct {
		name, path, want string
	}{
		{"health", "/healthz", `"ok"`},
		{"playground", "/", "<html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Get(base + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(strings.ToLower(string(b)), tc.want) {
				t.Fatalf("GET %s: %d %s", tc.path, resp.StatusCode, b)
			}
		})
	}

	ingest := `{"query":"mutation { ingestArticle(input: {text: \"Selon le Kremlin, Vladimir Poutine a souligné que les accords de Minsk restaient la seule voie.\", date: \"2021-04-15\"}) { created statements { act } } }"}`
	if _, body := post(ingest); !strings.Contains(body, "UNAUTHORIZED") {
		t.Errorf("mutation without key: %s", body)
	}
	if _, body := post(ingest, "Authorization", "Bearer k3y"); !strings.Contains(body, `"created":true`) {
		t.Errorf("mutation with key: %s", body)
	}
	if _, body := post(`{"query":"{ statements(first: 1000000) { totalCount } }"}`); !strings.Contains(body, "INVALID_INPUT") {
		t.Errorf("huge page not refused: %s", body)
	}
}

// TestCuratedAliasHonouredByLaterLoads: an alias added by an analyst makes
// the next load recognise the new surface form as the curated entity.
func TestCuratedAliasHonouredByLaterLoads(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	dir := demoDir(t)
	if code, _, errs := run(t, "load", "--quiet", "--store", db, dir); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	code, out, errs := run(t, "query", "--store", db, `{ entity(name: "Vladimir Putin") { id } }`)
	if code != 0 {
		t.Fatalf("query: %s %s", out, errs)
	}
	var res struct {
		Data struct{ Entity struct{ ID string } }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Data.Entity.ID == "" {
		t.Fatalf("no Putin entity: %s", out)
	}
	mut := `mutation { addAlias(entity: "` + res.Data.Entity.ID + `", alias: "Vovan Tsarsky") { name } }`
	if code, out, errs := run(t, "query", "--store", db, mut); code != 0 {
		t.Fatalf("addAlias: %s %s", out, errs)
	}
	art := filepath.Join(t.TempDir(), "new.txt")
	text := "date 2021-04-16\ntitle Note\n\nNote\n\nVovan Tsarsky said on Friday that Russia would not back down.\n"
	if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "load", "--quiet", "--store", db, art); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	_, out, _ = run(t, "query", "--store", db, `{ statements(filter: {text: "back down"}) { edges { node { speaker { name } } } } }`)
	if !strings.Contains(out, "Vladimir") {
		t.Fatalf("the curated alias was not honoured: %s", out)
	}
}
