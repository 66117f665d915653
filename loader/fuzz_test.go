package loader

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// FuzzReadBytes feeds arbitrary bytes under each kind of name: reading must
// never panic, and every article read must keep the offset invariant (for
// plain text, the bytes at Offset hold Text) and carry a valid date.
func FuzzReadBytes(f *testing.F) {
	exts := []string{".txt", ".json", ".jsonl", ".html", ""}
	seeds, _ := filepath.Glob("testdata/*")
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	for _, p := range append(seeds, corpus...) {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for i, ext := range exts {
			if ext == filepath.Ext(p) || i == 4 {
				f.Add(uint8(i), data)
			}
		}
	}
	f.Add(uint8(0), []byte(" date 2021-04 Texte après la date."))
	f.Add(uint8(0), []byte("\xef\xbb\xbfdate 2021\r\n\r\nBody"))
	f.Add(uint8(2), []byte("{\"text\":\"a\"}\n\n{\"text\":1}\n"))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := "fuzz" + exts[int(kind)%len(exts)]
		as, err := ReadBytes(name, data)
		if err != nil && schema.ErrorCode(err) != schema.CodeInvalid {
			t.Fatalf("error without CodeInvalid: %v", err)
		}
		f := formatOf(name)
		if f == formatUnknown {
			f = sniff(data)
		}
		for _, a := range as {
			if a.Text == "" || a.Hash != schema.Hash(a.Text) || a.ID != schema.ArticleIRI(a.Hash) {
				t.Fatalf("bad article: %+v", a)
			}
			if a.Date != "" {
				if _, ok := NormalizeDate(a.Date); !ok {
					t.Fatalf("invalid date %q", a.Date)
				}
			}
			if f == formatText {
				checkOffset(t, data, a)
			} else if a.Offset != 0 {
				t.Fatalf("Offset %d for format %d", a.Offset, f)
			}
		}
	})
}
