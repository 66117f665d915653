package httpapi_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
	"github.com/newsgraph/kg/resolvers/httpapi/httpapitest"
)

// newServer serves the seeded graph through NewHandler on a loopback port.
func newServer(t testing.TB, cfg httpapi.Config) *httptest.Server {
	t.Helper()
	st, err := httpapitest.OpenStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := httptest.NewServer(httpapi.NewHandler(resolvers.New(st, nil), cfg))
	t.Cleanup(srv.Close)
	return srv
}

// reply is one HTTP answer of /query, decoded.
type reply struct {
	Status      int
	ContentType string
	Body        string
	JSON        map[string]json.RawMessage
}

// code returns extensions.code of the first error, "" when there is none.
func (r reply) code() string {
	var errs []struct {
		Extensions struct {
			Code string `json:"code"`
		} `json:"extensions"`
	}
	json.Unmarshal(r.JSON["errors"], &errs) //nolint:errcheck // absent errors leave errs empty
	if len(errs) == 0 {
		return ""
	}
	return errs[0].Extensions.Code
}

// post sends body to /query with the given Accept header ("" for none).
func post(t testing.TB, srv *httptest.Server, accept, body string) reply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/query", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return do(t, req)
}

func do(t testing.TB, req *http.Request) reply {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := reply{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: string(b)}
	json.Unmarshal(b, &r.JSON) //nolint:errcheck // non-JSON bodies are checked through Body
	return r
}

// gqlBody encodes a query as a POST body.
func gqlBody(query string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return string(b)
}
