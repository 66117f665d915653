package graph

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestExportGolden pins the shape of the graph: the N-Quads export of the
// two fixtures (with one merge and one alias) is compared with
// testdata/fixtures.golden.nq. A deliberate change of shape is recorded
// with `go test ./graph -run Golden -update` and reviewed in the diff.
func TestExportGolden(t *testing.T) {
	s := mustOpen(t, "memory:")
	mustPut(t, s, fixtureA(t))
	mustPut(t, s, fixtureB(t))
	if err := s.MergeEntities(ctx(), idSyldavia, idMinistry); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAlias(ctx(), idBorduria, "the Black Eagle state"); err != nil {
		t.Fatal(err)
	}
	got := exportString(t, s)
	golden := filepath.Join("testdata", "fixtures.golden.nq")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("export differs from %s; rerun with -update if the change is intended", golden)
	}
}
