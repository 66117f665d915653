package loader

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusGold reads the client's dev corpus and checks what the loader
// owes the annotations beside it: the gold date and language, and a Text
// that holds every gold evidence string (so that no annotated passage falls
// in a header the loader dropped).
func TestCorpusGold(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(corpusDir, "*.gold.json"))
	if len(golds) == 0 {
		t.Skipf("no corpus in %s", corpusDir)
	}
	for _, gold := range golds {
		nn := strings.TrimSuffix(filepath.Base(gold), ".gold.json")
		t.Run(nn, func(t *testing.T) {
			texts, _ := filepath.Glob(filepath.Join(corpusDir, nn+"_*.txt"))
			if len(texts) != 1 {
				t.Fatalf("%d article files for %s", len(texts), gold)
			}
			var g struct {
				Article                   struct{ Date, Language string }
				Statements, Events, Roles []struct {
					Evidence json.RawMessage
				}
			}
			data, err := os.ReadFile(gold)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &g); err != nil {
				t.Fatalf("%s: %v", gold, err)
			}
			as, err := ReadFile(texts[0])
			if err != nil {
				t.Fatal(err)
			}
			a := as[0]
			if a.Date != g.Article.Date || a.Language != g.Article.Language {
				t.Errorf("date %q language %q, gold says %q %q", a.Date, a.Language, g.Article.Date, g.Article.Language)
			}
			for _, item := range append(append(g.Statements, g.Events...), g.Roles...) {
				var ev string
				if json.Unmarshal(item.Evidence, &ev) != nil || ev == "" {
					continue
				}
				if !strings.Contains(a.Text, ev) {
					t.Errorf("gold evidence not in Text: %.60q", ev)
				}
			}
		})
	}
}
