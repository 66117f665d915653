package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/kg/examples"
	"github.com/newsgraph/kg/loader"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

func cmdServe(e *env, args []string) int {
	f := newFlags(e, "serve", "kg serve answers GraphQL at /query, serves a playground at / and a health check\n"+
		"at /healthz. With --demo it first loads the example articles (idempotently).",
		"  kg serve --demo\n  kg serve --store news.db --addr :8080 --api-key s3cret")
	store := storeFlag(f)
	addr := f.String("addr", envOr("KG_ADDR", ":8080"), "listen address (env KG_ADDR)")
	demo := f.Bool("demo", false, "load the example articles before serving")
	apiKey := f.String("api-key", os.Getenv("KG_API_KEY"), "require this key for mutations (env KG_API_KEY)")
	readKey := f.Bool("read-key", false, "require the API key for queries too")
	cors := f.String("cors", os.Getenv("KG_CORS"), "comma-separated origins allowed by CORS, or * (env KG_CORS)")
	lex := lexiconFlag(f)
	if _, code, ok := parse(f, args); !ok {
		return code
	}
	st, ok := e.openStore(*store)
	if !ok {
		return exitFail
	}
	defer st.Close()
	p, err := newPipeline(e.ctx, st, *lex)
	if err != nil {
		e.fail("serve: %v", err)
		return exitFail
	}
	p.CurationEvery = time.Second
	if *demo {
		n, err := loadDemo(e, p)
		if err != nil {
			e.fail("serve: load demo articles: %v", err)
			return exitFail
		}
		e.log.Info("demo articles loaded", "new", n)
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		e.fail("serve: listen on %s: %v (is another kg serve running? pick another --addr)", *addr, err)
		return exitFail
	}
	var origins []string
	if *cors != "" {
		origins = strings.Split(*cors, ",")
	}
	r := resolvers.New(st, p)
	h := httpapi.NewHandler(r, httpapi.Config{APIKey: *apiKey, ReadKey: *readKey, CORSOrigins: origins, Log: e.log})
	e.log.Info("serving", "playground", "http://"+displayAddr(l.Addr()), "graphql", "http://"+displayAddr(l.Addr())+"/query", "store", st.Addr())
	if err := httpapi.Serve(e.ctx, l, h); err != nil && err != http.ErrServerClosed {
		e.fail("serve: %v", err)
		return exitFail
	}
	return exitOK
}

func displayAddr(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "[::]:") {
		return "localhost:" + strings.TrimPrefix(s, "[::]:")
	}
	return s
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// loadDemo loads the embedded example articles; already stored ones are skipped.
func loadDemo(e *env, p *Pipeline) (int, error) {
	n := 0
	err := fs.WalkDir(examples.Articles, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.Articles, path)
		if err != nil {
			return err
		}
		as, err := loader.ReadBytes("examples/"+path, data)
		if err != nil {
			return err
		}
		for _, a := range as {
			_, _, created, err := p.Ingest(e.ctx, a)
			if err != nil {
				return err
			}
			if created {
				n++
			}
		}
		return nil
	})
	return n, err
}

func cmdQuery(e *env, args []string) int {
	f := newFlags(e, "query", "kg query runs one GraphQL query against the store, in-process, and prints the\n"+
		"JSON result. Use - to read the query from standard input.",
		"  kg query '{ statements(filter: {act: EXPRESS_CONCERN}) { edges { node { speaker { name } content } } } }'")
	store := storeFlag(f)
	vars := f.String("vars", "", "variables as a JSON object")
	rest, code, ok := parse(f, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		e.fail("query: give exactly one query (kg query --help)")
		return exitUsage
	}
	q := rest[0]
	if q == "-" {
		var b bytes.Buffer
		if _, err := b.ReadFrom(e.stdin); err != nil {
			e.fail("query: read standard input: %v", err)
			return exitFail
		}
		q = b.String()
	}
	body := map[string]any{"query": q}
	if *vars != "" {
		var v map[string]any
		if err := json.Unmarshal([]byte(*vars), &v); err != nil {
			e.fail("query: --vars is not a JSON object: %v", err)
			return exitUsage
		}
		body["variables"] = v
	}
	st, ok := e.openStore(*store)
	if !ok {
		return exitFail
	}
	defer st.Close()
	p, err := newPipeline(e.ctx, st, nil)
	if err != nil {
		e.fail("query: %v", err)
		return exitFail
	}
	h := httpapi.NewHandler(resolvers.New(st, p), httpapi.Config{Log: discardLog()})
	status, out := runQuery(h, body)
	fmt.Fprintf(e.stdout, "%s\n", out)
	if status != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
		return exitFail
	}
	return exitOK
}

// runQuery sends one GraphQL request through the handler in-process and
// returns the status and the indented JSON response.
func runQuery(h http.Handler, body map[string]any) (int, []byte) {
	b, _ := json.Marshal(body)
	req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, w.Body.Bytes(), "", "  "); err != nil {
		return w.Code, w.Body.Bytes()
	}
	return w.Code, pretty.Bytes()
}

func cmdExport(e *env, args []string) int {
	f := newFlags(e, "export", "kg export writes every quad of the store to standard output, as N-Quads or\n"+
		"JSON-LD. Each quad's graph (label) is the article it was read from.",
		"  kg export --store news.db --format nquads > graph.nq")
	store := storeFlag(f)
	format := f.String("format", "nquads", "nquads or jsonld")
	if _, code, ok := parse(f, args); !ok {
		return code
	}
	if *format != "nquads" && *format != "jsonld" {
		e.fail("export: unknown format %q: use nquads or jsonld", *format)
		return exitUsage
	}
	st, ok := e.openStore(*store)
	if !ok {
		return exitFail
	}
	defer st.Close()
	// An export reads the whole store file; its pages need not stay
	// counted in this process's memory (graph.Store.ReleaseResident): a
	// 100k-article bbolt store otherwise shows 6 GiB resident by the end.
	rctx, stopRelease := context.WithCancel(e.ctx)
	defer stopRelease()
	st.ReleaseResident(rctx, 10*time.Millisecond)
	if err := st.Export(e.ctx, e.stdout, *format); err != nil {
		e.fail("export: %v", err)
		return exitFail
	}
	return exitOK
}
