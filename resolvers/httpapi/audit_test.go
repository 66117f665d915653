package httpapi_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/resolvers/httpapi"
)

// TestAudit runs graphql-http's GraphQL-over-HTTP audit suite (the shared
// checks' audit.mjs, --strict: every MUST and SHOULD) against NewHandler.
// It needs node and an installed copy of the checks: set KG_CHECKS_DIR to a
// folder holding audit.mjs and its node_modules (testdata/audit.sh makes
// one). Without them the test is skipped, unless KG_TEST_AUDIT=1, which CI
// sets to make a missing tool a failure.
func TestAudit(t *testing.T) {
	forced := os.Getenv("KG_TEST_AUDIT") == "1"
	skip := func(why string) {
		t.Helper()
		if forced {
			t.Fatalf("KG_TEST_AUDIT=1 but %s", why)
		}
		t.Skipf("skipping the GraphQL-over-HTTP audit: %s (set KG_CHECKS_DIR, or run testdata/audit.sh)", why)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skip("node is not installed")
	}
	dir := os.Getenv("KG_CHECKS_DIR")
	if dir == "" {
		skip("KG_CHECKS_DIR is not set")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http")); err != nil {
		skip("the checks in " + dir + " are not installed (npm install)")
	}
	srv := newServer(t, httpapi.Config{})
	out := filepath.Join(t.TempDir(), "audit.json")
	cmd := exec.CommandContext(t.Context(), node, filepath.Join(dir, "audit.mjs"), srv.URL+"/query", "--strict", "--json", out)
	cmd.Dir = dir
	text, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("audit failed: %v\n%s", err, text)
	}
	var results []struct{ ID, Name, Status string }
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &results); err != nil {
		t.Fatal(err)
	}
	counts := map[string][2]int{} // level → passed, total
	for _, r := range results {
		level, _, _ := strings.Cut(r.Name, " ")
		c := counts[level]
		c[1]++
		if r.Status == "ok" {
			c[0]++
		}
		counts[level] = c
	}
	for _, level := range []string{"MUST", "SHOULD"} {
		if c := counts[level]; c[0] != c[1] || c[1] == 0 {
			t.Errorf("%s audits: %d of %d passed", level, c[0], c[1])
		}
	}
	t.Logf("audit: MUST %d/%d, SHOULD %d/%d, MAY %d/%d passed", counts["MUST"][0], counts["MUST"][1],
		counts["SHOULD"][0], counts["SHOULD"][1], counts["MAY"][0], counts["MAY"][1])
}
