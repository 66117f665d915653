package loader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// benchText is a realistic plain-text article: the longest corpus file when
// the corpus is present, else a fixture.
func benchText(b *testing.B) []byte {
	data, err := os.ReadFile(filepath.Join(corpusDir, "01_fr_biden_putin_call.txt"))
	if err != nil {
		data, err = os.ReadFile("testdata/header_fr.txt")
	}
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkReadText measures reading one plain-text article (checks,
// header, title, language, hash).
func BenchmarkReadText(b *testing.B) {
	data := benchText(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadBytes("a.txt", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkStreamJSONL measures streaming a JSON Lines collection.
func BenchmarkStreamJSONL(b *testing.B) {
	text := bytes.ReplaceAll(bytes.TrimSpace(benchText(b)), []byte("\n"), []byte(" "))
	text = bytes.ReplaceAll(text, []byte(`"`), []byte(`'`))
	var buf bytes.Buffer
	const n = 1000
	for i := range n {
		fmt.Fprintf(&buf, "{\"title\": \"Article %d\", \"date\": \"2021-04-13\", \"text\": \"%s\"}\n", i, text)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		count := 0
		err := streamJSONL("a.jsonl", bytes.NewReader(data), func(a *schema.Article, err error) error {
			count++
			return err
		})
		if err != nil || count != n {
			b.Fatalf("%d articles, err %v", count, err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkDetectLanguage measures language detection on one article.
func BenchmarkDetectLanguage(b *testing.B) {
	text := string(benchText(b))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		DetectLanguage(text)
	}
}
