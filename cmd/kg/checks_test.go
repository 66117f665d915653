package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

// checksDir returns an installed copy of ../shared/checks (KG_CHECKS_DIR,
// as .ci/run prepares it), skipping the test without one unless CI asks
// for the checks (KG_TEST_AUDIT=1).
func checksDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("KG_CHECKS_DIR")
	_, errNode := exec.LookPath("node")
	if dir == "" || errNode != nil {
		if os.Getenv("KG_TEST_AUDIT") == "1" {
			t.Fatal("KG_TEST_AUDIT=1 but KG_CHECKS_DIR is unset or node is missing")
		}
		t.Skip("set KG_CHECKS_DIR to an npm-installed copy of ../shared/checks to run the external checks")
	}
	return dir
}

// TestExportPassesStrictRDFCheck: the N-Quads and JSON-LD exports of the
// demo graph parse with N3.js and jsonld.js and agree on the quad count.
func TestExportPassesStrictRDFCheck(t *testing.T) {
	checks := checksDir(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	if code, _, errs := run(t, "load", "--quiet", "--store", db, demoDir(t)); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	dir := t.TempDir()
	for _, f := range []string{"nquads", "jsonld"} {
		code, out, errs := run(t, "export", "--store", db, "--format", f)
		if code != 0 {
			t.Fatalf("export %s: %s", f, errs)
		}
		if err := os.WriteFile(filepath.Join(dir, "out."+f), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("node", filepath.Join(checks, "rdf-check.mjs"),
		filepath.Join(dir, "out.nquads"), filepath.Join(dir, "out.jsonld")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "matches N-Quads") {
		t.Fatalf("rdf-check: %v\n%s", err, out)
	}
}

// TestServedSchemaMatchesFiles: graphql-js finds the served schema valid and
// equal to schema/*.graphqls.
func TestServedSchemaMatchesFiles(t *testing.T) {
	checks := checksDir(t)
	st, err := graph.Open(context.Background(), "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go httpapi.Serve(ctx, l, httpapi.NewHandler(resolvers.New(st, nil), httpapi.Config{Log: discardLog()}))
	files, _ := filepath.Glob("../../schema/*.graphqls")
	args := append([]string{filepath.Join(checks, "schema-check.mjs"), "http://" + l.Addr().String() + "/query"}, files...)
	out, err := exec.Command("node", args...).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "0 breaking differences") {
		t.Fatalf("schema-check: %v\n%s", err, out)
	}
}
