package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/kg/schema"
)

// TestArticleQuads: an article's quads, read through its entity-quads
// record or (for a store written before the record) by reading its
// entities whole, are exactly the store's quads labelled with it, on
// articles sharing entities, roles and values.
func TestArticleQuads(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			s := be.open(t)
			var articles []string
			for i := range 30 {
				r := mustPut(t, s, synthetic(i))
				articles = append(articles, r.Article)
			}
			all, err := s.allQuads(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][]string{}
			for _, q := range all {
				want[text(q.Label)] = append(want[text(q.Label)], quadKey(q))
			}
			check := func(how string) {
				t.Helper()
				for _, a := range articles {
					qs, err := s.articleQuads(ctx, a)
					if err != nil {
						t.Fatal(err)
					}
					var got []string
					for _, q := range qs {
						got = append(got, quadKey(q))
					}
					slices.Sort(got)
					w := slices.Sorted(slices.Values(want[a]))
					if !slices.Equal(got, w) {
						t.Fatalf("%s: article %s: %d quads, want %d", how, a, len(got), len(w))
					}
				}
			}
			for _, a := range articles {
				if rec, err := s.ix.get(ctx, []string{string(recEntityQuads) + a}); err != nil || rec[0] == nil {
					t.Fatalf("no entity-quads record for %s (%v)", a, err)
				}
			}
			check("from the record")
			ops := &ixOps{put: map[string][]byte{}, del: map[string]bool{}}
			for _, a := range articles {
				ops.del[string(recEntityQuads)+a] = true
			}
			if err := s.ix.write(ctx, ops); err != nil {
				t.Fatal(err)
			}
			check("without the record")
		})
	}
}

// TestEntityQuadsRoundTrip: every value type comes back as it was, and a
// damaged record is an error, not a panic.
func TestEntityQuadsRoundTrip(t *testing.T) {
	const a = "https://example.org/article/1"
	in := []quad.Quad{
		{Subject: iri("https://example.org/e/1"), Predicate: iri("https://schema.org/name"), Object: quad.String("Kyiv"), Label: iri(a)},
		{Subject: iri("https://example.org/e/1"), Predicate: iri("https://schema.org/alternateName"), Object: quad.LangString{Value: "Kiev", Lang: "fr"}, Label: iri(a)},
		{Subject: iri("https://example.org/e/2"), Predicate: iri("https://schema.org/sameAs"), Object: iri("https://www.wikidata.org/wiki/Q1899"), Label: iri(a)},
		{Subject: iri("https://example.org/e/2"), Predicate: iri("https://schema.org/name"), Object: quad.TypedString{Value: "2015", Type: "xsd:gYear"}, Label: iri(a)},
	}
	b, err := encodeEntityQuads(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := decodeEntityQuads(a, b)
	if err != nil || !slices.Equal(out, in) {
		t.Fatalf("round trip: %v, %v; want %v", out, err, in)
	}
	for i := range len(b) {
		if _, err := decodeEntityQuads(a, b[:i]); err == nil {
			t.Fatalf("record cut at %d of %d decoded without error", i, len(b))
		}
	}
}

// TestStoredArticles checks the batch look-up that lets a write skip
// reading the previous quads of new articles: stored articles are found,
// new and retracted ones are not, and a batch mixing a new article with a
// reloaded one writes each correctly.
func TestStoredArticles(t *testing.T) {
	ctx := context.Background()
	for _, be := range backends(t) {
		t.Run(be.name, func(t *testing.T) {
			s := be.open(t)
			a := mustPut(t, s, synthetic(0)).Article
			b := mustPut(t, s, synthetic(1)).Article
			if err := s.RetractArticle(ctx, b); err != nil {
				t.Fatal(err)
			}
			got, err := s.storedArticles(ctx, []string{a, b, "https://example.org/never"})
			if err != nil {
				t.Fatal(err)
			}
			if !got[a] || got[b] || len(got) != 1 {
				t.Errorf("stored articles: %v, want only %s", got, a)
			}
			before, err := s.allQuads(ctx)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := s.PutExtractions(ctx, []*schema.Extraction{synthetic(0), synthetic(2)})
			if err != nil {
				t.Fatal(err)
			}
			if rs[0].Added != 0 || rs[1].Added == 0 {
				t.Errorf("reload of a stored article beside a new one: %+v", rs)
			}
			after, err := s.allQuads(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(after) != len(before)+rs[1].Added {
				t.Errorf("%d quads after adding %d to %d", len(after), rs[1].Added, len(before))
			}
		})
	}
}
