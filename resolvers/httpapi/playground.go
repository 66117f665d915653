package httpapi

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/newsgraph/kg/examples"
)

// The playground is GraphiQL served entirely from this binary, so that it
// works offline and on air-gapped machines: the UMD bundles of GraphiQL 4.1
// and React 18 with GraphiQL's stylesheet (which inlines its fonts) are
// vendored under assets/ with their licences (see assets/NOTICE.md), and the
// example queries of examples/queries open as its first tabs.
//
//go:embed assets
var assetFiles embed.FS

//go:embed playground.html
var playgroundHTML string

// assetsPath is where NewHandler serves assets/.
const assetsPath = "/assets/"

// contentSecurityPolicy keeps the playground from reaching anything but
// this server, whatever a vendored script might try. GraphiQL's components
// set inline styles; its fonts and icons are data: URLs.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// playgroundTab is one tab GraphiQL opens with.
type playgroundTab struct {
	Query string `json:"query"`
}

// newPlayground renders the playground page once, for the GraphQL endpoint
// at endpoint, and returns its handler.
func newPlayground(title, endpoint string) (http.Handler, error) {
	tabs, err := exampleTabs()
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New("playground").Parse(playgroundHTML)
	if err != nil {
		return nil, fmt.Errorf("parse the playground page: %w", err)
	}
	var page bytes.Buffer
	err = tmpl.Execute(&page, map[string]any{
		"Title":  title,
		"Assets": assetsPath,
		"Config": map[string]any{"endpoint": endpoint, "tabs": tabs},
	})
	if err != nil {
		return nil, fmt.Errorf("render the playground page: %w", err)
	}
	body := page.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/" {
			http.NotFound(w, req)
			return
		}
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		w.Write(body) //nolint:errcheck // the client went away
	}), nil
}

// exampleTabs reads the example queries, in file name order.
func exampleTabs() ([]playgroundTab, error) {
	names, err := fs.Glob(examples.Queries, "queries/*.graphql")
	if err != nil {
		return nil, fmt.Errorf("list the example queries: %w", err)
	}
	tabs := make([]playgroundTab, 0, len(names))
	for _, name := range names {
		b, err := examples.Queries.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		tabs = append(tabs, playgroundTab{Query: string(b)})
	}
	return tabs, nil
}

// assetHandler serves the vendored files under assetsPath, without
// directory listings. They change only with the binary, so browsers may
// keep them for an hour.
func assetHandler() http.Handler {
	sub, err := fs.Sub(assetFiles, "assets")
	if err != nil {
		panic(err) // "assets" is a valid, embedded directory name
	}
	files := http.StripPrefix(assetsPath, http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		name := strings.TrimPrefix(req.URL.Path, assetsPath)
		if name == "" || strings.HasSuffix(name, "/") {
			http.NotFound(w, req)
			return
		}
		if path.Ext(name) == ".graphql" || path.Ext(name) == ".md" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, req)
	})
}
