package extract

import (
	"testing"

	"github.com/newsgraph/kg/schema"
)

// FuzzExtract: any text, no panic, every evidence inside the text and equal
// to its slice.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Selon la Maison Blanche, Joe Biden a fait part de son « inquiétude ».",
		"« Le ministre a souligné », a ajouté le communiqué de l’Elysée.",
		"President of Russia Vladimir Putin: Thank you. I hope we agree.",
		"Nous, ministres, appelons la Russie à la retenue. Toute attaque aurait de graves conséquences.",
		"U.S. Jr. M. « » “ ” l’ d’ qu’ a-t-il ... !? ,,, \n\n\t",
		"The President voiced our concerns, and called on Russia to de-escalate.",
		"\xff\xfe broken utf8 « selon",
	} {
		f.Add(s, "2021-04-13")
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		a := &schema.Article{Text: text, Date: date, Offset: 3}
		ex, err := x.Extract(a)
		if err != nil {
			t.Fatalf("extract: %v", err)
		}
		checkSpans(t, a, ex)
	})
}
