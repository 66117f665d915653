package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/kg/schema"
)

const benchParagraph = "Selon la Maison Blanche, le président américain Joe Biden a fait part de son « inquiétude » " +
	"face au déploiement de troupes russes près de la frontière ukrainienne. Le Kremlin a affirmé que Vladimir " +
	"Poutine avait rejeté ces accusations, ajoute la même source. President Biden also made clear that the United " +
	"States will act firmly, and called on Russia to de-escalate tensions. Les deux dirigeants ont évoqué un possible sommet à Genève.\n\n"

// benchText repeats the paragraph to about n bytes.
func benchText(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(benchParagraph)
	}
	return b.String()
}

func countWords(s string) int { return len(strings.Fields(s)) }

func benchTokenize(b *testing.B, n int) {
	text := benchText(n)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		toks := tokenize(text)
		splitSentences(text, toks)
	}
	b.ReportMetric(float64(countWords(text))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// The tokenizer and sentence splitter are linear: MB/s at 100 KB and at
// 10 MB should match.
func BenchmarkTokenize100KB(b *testing.B) { benchTokenize(b, 100<<10) }
func BenchmarkTokenize10MB(b *testing.B)  { benchTokenize(b, 10<<20) }

func benchExtract(b *testing.B, n int) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(n)
	a := &schema.Article{Text: text, Date: "2021-04-13"}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := x.Extract(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(countWords(text))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// The whole extraction, at 100 KB and 10 MB: linear too.
func BenchmarkExtract100KB(b *testing.B) { benchExtract(b, 100<<10) }
func BenchmarkExtract10MB(b *testing.B)  { benchExtract(b, 10<<20) }

// A text without any punctuation or line break stays linear too.
func BenchmarkExtractOneLongLine(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("le président Poutine a souligné selon le Kremlin que la Russie et l'Ukraine ont discuté d'un sommet ", 20000)
	a := &schema.Article{Text: text, Date: "2021-04-13"}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := x.Extract(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
