package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/loader"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// TestGolden extracts every testdata/*.txt and compares the JSON with
// testdata/*.golden.json; run with -update to accept a change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	x := testExtractor(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			arts, err := loader.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			for _, a := range arts {
				ex, err := x.Extract(a)
				if err != nil {
					t.Fatal(err)
				}
				checkSpans(t, a, ex)
				ex.Article.Path = filepath.Base(ex.Article.Path)
				enc := json.NewEncoder(&buf)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(ex); err != nil {
					t.Fatal(err)
				}
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(want, buf.Bytes()) {
				t.Errorf("%s differs from %s; run go test -run TestGolden -update and review the diff", f, golden)
			}
		})
	}
}
