package loader

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// writeTree creates files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// event is one call of Walk's fn, summarised for comparison.
type event string

func record(events *[]event, root string) func(*schema.Article, error) error {
	return func(a *schema.Article, err error) error {
		if err != nil {
			if schema.ErrorCode(err) != schema.CodeInvalid {
				return fmt.Errorf("failure with code %s: %w", schema.ErrorCode(err), err)
			}
			*events = append(*events, event("error "+strings.ReplaceAll(err.Error(), root+string(filepath.Separator), "")))
			return nil
		}
		rel, _ := filepath.Rel(root, a.Path)
		*events = append(*events, event(filepath.ToSlash(rel)+" "+a.Text))
		return nil
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"corpus/01_en.txt":       "date 2020-01-01\n\nFirst article text.",
		"corpus/01.gold.json":    `{"entities": []}`,
		"corpus/02.json":         `[{"text": "Second."}, {"text": "Third."}]`,
		"corpus/03_bad.txt":      "\x00\x01\x02binary",
		"corpus/04.jsonl":        "{\"text\": \"Fourth.\"}\n{\"text\": }\n{\"text\": \"Fifth.\"}\n",
		"corpus/.hidden.txt":     "Hidden file text.",
		"corpus/.git/config.txt": "Hidden folder text.",
		"corpus/sub/06.md":       "Sixth, in a sub-folder.",
		"corpus/sub/07.html":     "<html><body><p>Seventh.</p></body></html>",
		"corpus/z_empty.txt":     "",
		"loose.txt":              "A loose file given by name.",
		".explicit.txt":          "A hidden file given by name.",
		"loose.gold.json":        `{}`,
	})
	var got []event
	paths := []string{
		filepath.Join(dir, "corpus"), filepath.Join(dir, "loose.txt"), filepath.Join(dir, "missing.txt"),
		filepath.Join(dir, ".explicit.txt"), filepath.Join(dir, "loose.gold.json"),
	}
	if err := Walk(paths, record(&got, dir)); err != nil {
		t.Fatalf("Walk: %v", err)
	}
	want := []event{
		"corpus/01_en.txt First article text.",
		"corpus/02.json Second.",
		"corpus/02.json Third.",
		"error corpus/03_bad.txt: binary data, not text (NUL or control bytes)",
		"corpus/04.jsonl Fourth.",
		"error corpus/04.jsonl:2: malformed JSON at column 10: invalid character '}' looking for beginning of value",
		"corpus/04.jsonl Fifth.",
		"corpus/sub/06.md Sixth, in a sub-folder.",
		"corpus/sub/07.html Seventh.",
		"error corpus/z_empty.txt: empty file",
		"loose.txt A loose file given by name.",
		"error cannot read missing.txt: no such file or directory",
		".explicit.txt A hidden file given by name.",
	}
	if strings.Join(asStrings(got), "\n") != strings.Join(asStrings(want), "\n") {
		t.Errorf("Walk events:\n%s\nwant:\n%s", strings.Join(asStrings(got), "\n"), strings.Join(asStrings(want), "\n"))
	}
}

func asStrings(es []event) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return out
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.txt": "One.", "b.txt": "\x00", "c.txt": "Three.", "d.jsonl": "{\"text\": \"Four.\"}\n{\"text\": \"Five.\"}\n",
	})
	stop := errors.New("enough")
	tests := []struct {
		name  string
		after int // fn returns stop on this call
	}{{"on an article", 1}, {"on a failure", 2}, {"inside a JSON Lines file", 4}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := Walk([]string{dir, dir}, func(*schema.Article, error) error {
				calls++
				if calls == tt.after {
					return stop
				}
				return nil
			})
			if err != stop || calls != tt.after {
				t.Errorf("Walk returned %v after %d calls, want %v after %d", err, calls, stop, tt.after)
			}
		})
	}
}

func TestWalkUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a/locked/x.txt": "Locked.", "a/ok.txt": "Fine."})
	locked := filepath.Join(dir, "a", "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	var got []event
	if err := Walk([]string{filepath.Join(dir, "a")}, record(&got, filepath.Join(dir, "a"))); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !strings.HasPrefix(string(got[0]), "error cannot read") || got[1] != "ok.txt Fine." {
		t.Errorf("got %q", got)
	}
}

// lazyLines serves n JSON Lines without ever holding them all, and counts
// what it has served.
type lazyLines struct {
	n, served int
	pending   []byte
}

func (l *lazyLines) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		if l.served == l.n {
			return 0, io.EOF
		}
		l.served++
		l.pending = fmt.Appendf(nil, "{\"text\": \"Article number %d, with some words.\"}\n", l.served)
	}
	k := copy(p, l.pending)
	l.pending = l.pending[k:]
	return k, nil
}

// TestJSONLinesStream checks that JSON Lines are emitted as they are read,
// not after the whole input is in memory.
func TestJSONLinesStream(t *testing.T) {
	src := &lazyLines{n: 100000}
	count := 0
	err := streamJSONL("big.jsonl", src, func(a *schema.Article, err error) error {
		if err != nil {
			return err
		}
		count++
		if count == 1 && src.served > 10000 {
			t.Errorf("first article emitted after %d lines were read", src.served)
		}
		return nil
	})
	if err != nil || count != src.n {
		t.Errorf("streamed %d articles (err %v), want %d", count, err, src.n)
	}
}

func TestWalkSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/a.txt": "Through the link.", "real/sub/b.txt": "Deeper."})
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	// A link inside the folder to the folder itself must not loop.
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "real", "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	var got []event
	if err := Walk([]string{link}, record(&got, link)); err != nil {
		t.Fatal(err)
	}
	want := "a.txt Through the link.\nsub/b.txt Deeper."
	if strings.Join(asStrings(got), "\n") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
