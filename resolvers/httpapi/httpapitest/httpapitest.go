// Package httpapitest seeds a small, hand-written news graph and serves it
// through httpapi, so that the HTTP tests, the GraphQL-over-HTTP audit, the
// browser test and a developer trying the playground all see the same data
// without the extractor or a corpus. The three articles are our own words;
// they cover the analyst questions of examples/queries: who expressed concern
// about what according to whom, what the Kremlin reported, statements about
// Ukraine by date, roles, and events by type.
package httpapitest

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/schema"
)

// Entity local IDs used by the seed; the store mints their IRIs.
var (
	biden    = schema.Entity{ID: "biden", Name: "Joe Biden", Type: schema.TypePerson, Aliases: []string{"Biden"}}
	putin    = schema.Entity{ID: "putin", Name: "Vladimir Poutine", Type: schema.TypePerson, Aliases: []string{"Poutine", "Putin", "Vladimir Putin"}}
	kuleba   = schema.Entity{ID: "kuleba", Name: "Dmytro Kuleba", Type: schema.TypePerson, Aliases: []string{"Kuleba"}}
	peskov   = schema.Entity{ID: "peskov", Name: "Dmitri Peskov", Type: schema.TypePerson, Aliases: []string{"Peskov"}}
	usa      = schema.Entity{ID: "usa", Name: "États-Unis", Type: schema.TypeState, Aliases: []string{"United States", "Washington"}}
	russia   = schema.Entity{ID: "russia", Name: "Russie", Type: schema.TypeState, Aliases: []string{"Russia", "Moscou", "Moscow"}}
	ukraine  = schema.Entity{ID: "ukraine", Name: "Ukraine", Type: schema.TypeState, Aliases: []string{"Kiev", "Kyiv"}}
	wh       = schema.Entity{ID: "wh", Name: "Maison Blanche", Type: schema.TypeOrganization, Aliases: []string{"White House"}}
	kremlin  = schema.Entity{ID: "kremlin", Name: "Kremlin", Type: schema.TypeOrganization, Aliases: []string{"le Kremlin"}}
	ukrMFA   = schema.Entity{ID: "ukrmfa", Name: "Ukrainian foreign ministry", Type: schema.TypeOrganization}
	minsk    = schema.Entity{ID: "minsk", Name: "Accords de Minsk", Type: schema.TypeAgreement, Aliases: []string{"Minsk agreements", "accords de Minsk"}}
	donbas   = schema.Entity{ID: "donbas", Name: "Donbass", Type: schema.TypePlace, Aliases: []string{"Donbas"}}
	articles = []func() (*schema.Extraction, error){article1, article2, article3}
)

// Seed writes the three sample articles into st. Seeding twice changes nothing.
func Seed(ctx context.Context, st schema.Store) error {
	for _, build := range articles {
		x, err := build()
		if err != nil {
			return fmt.Errorf("build seed article: %w", err)
		}
		if _, err := st.PutExtraction(ctx, x); err != nil {
			return fmt.Errorf("seed %q: %w", x.Article.Title, err)
		}
	}
	return nil
}

// OpenStore opens an in-memory store holding the seed. The caller closes it.
func OpenStore(ctx context.Context) (schema.Store, error) {
	st, err := graph.Open(ctx, "memory:")
	if err != nil {
		return nil, fmt.Errorf("open memory store: %w", err)
	}
	if err := Seed(ctx, st); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// span finds the first occurrence of s in text, so that evidence offsets are
// always right even when the sample text is edited.
func span(text, s string) (schema.Span, error) {
	i := strings.Index(text, s)
	if i < 0 {
		return schema.Span{}, fmt.Errorf("evidence %q is not in the text", s)
	}
	return schema.Span{Start: i, End: i + len(s), Text: s}, nil
}

// article builds an extraction from its text and a list of evidence strings,
// resolved to spans in order; fill then uses the spans.
func article(a schema.Article, evidence []string, fill func(x *schema.Extraction, ev []schema.Span)) (*schema.Extraction, error) {
	a.Hash = schema.Hash(a.Text)
	a.ID = schema.ArticleIRI(a.Hash)
	spans := make([]schema.Span, len(evidence))
	for i, e := range evidence {
		sp, err := span(a.Text, e)
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", a.Title, err)
		}
		spans[i] = sp
	}
	x := &schema.Extraction{Article: a}
	fill(x, spans)
	return x, nil
}

func article1() (*schema.Extraction, error) {
	text := "Washington, April 13. Joe Biden voiced his worry about the Russian troops massing near Ukraine, " +
		"the White House said on Tuesday. The American president and Vladimir Putin talked on the phone " +
		"for nearly an hour, and Biden offered to meet his counterpart in a third country."
	a := schema.Article{Text: text, Title: "Biden voices worry over troops near Ukraine", Date: "2021-04-13",
		Language: "en", Source: "Sample Wire", URL: "https://example.org/news/biden-ukraine"}
	ev := []string{
		"Joe Biden voiced his worry about the Russian troops massing near Ukraine",
		"The American president",
		"talked on the phone",
		"Biden offered to meet his counterpart in a third country",
	}
	return article(a, ev, func(x *schema.Extraction, sp []schema.Span) {
		x.Entities = []schema.Entity{biden, putin, usa, russia, ukraine, wh}
		x.Roles = []schema.Role{{Person: "biden", Role: "president", Of: "usa", Evidence: &sp[1], Confidence: 0.9}}
		x.Statements = []schema.Statement{
			{Speaker: "biden", Act: schema.ActExpressConcern, Content: "the Russian troops massing near Ukraine",
				About: []string{"russia", "ukraine"}, AccordingTo: "wh", Evidence: sp[0], Date: "2021-04-13",
				Confidence: 0.9, Cue: "voiced his worry", CAMEO: "023", PLOVER: "CONSULT"},
			{Speaker: "biden", Act: schema.ActPropose, Content: "to meet his counterpart in a third country",
				Target: "putin", Evidence: sp[3], Date: "2021-04-13", Confidence: 0.8, Cue: "offered"},
		}
		x.Events = []schema.Event{{Type: schema.EventPhoneCall, Status: schema.StatusOccurred,
			Participants: []string{"biden", "putin"}, Date: "2021-04-13", Evidence: sp[2], Confidence: 0.9, Cue: "talked on the phone"}}
	})
}

func article2() (*schema.Extraction, error) {
	text := "Moscou, 14 avril. Selon le Kremlin, Vladimir Poutine a exhorté Kiev à appliquer les accords de Minsk " +
		"dans le Donbass. Dmitri Peskov, porte-parole du Kremlin, a ajouté qu'un sommet restait possible."
	a := schema.Article{Text: text, Title: "Le Kremlin exhorte Kiev à appliquer les accords de Minsk", Date: "2021-04-14",
		Language: "fr", Source: "Exemple Presse"}
	ev := []string{
		"Vladimir Poutine a exhorté Kiev à appliquer les accords de Minsk",
		"Dmitri Peskov, porte-parole du Kremlin",
		"a ajouté qu'un sommet restait possible",
		"un sommet restait possible",
	}
	return article(a, ev, func(x *schema.Extraction, sp []schema.Span) {
		x.Entities = []schema.Entity{putin, peskov, ukraine, kremlin, minsk, donbas, biden, russia}
		x.Roles = []schema.Role{{Person: "peskov", Role: "spokesperson", Of: "kremlin", Evidence: &sp[1], Confidence: 0.9}}
		x.Statements = []schema.Statement{
			{Speaker: "putin", Act: schema.ActCallOn, Content: "appliquer les accords de Minsk dans le Donbass",
				About: []string{"minsk", "donbas"}, Target: "ukraine", AccordingTo: "kremlin", Evidence: sp[0],
				Date: "2021-04-14", Confidence: 0.85, Cue: "a exhorté", CAMEO: "020", PLOVER: "DEMAND"},
			{Speaker: "peskov", Act: schema.ActState, Content: "un sommet restait possible",
				About: []string{"putin", "biden"}, Evidence: sp[2], Date: "2021-04-14", Confidence: 0.7, Cue: "a ajouté"},
		}
		x.Events = []schema.Event{{Type: schema.EventSummit, Status: schema.StatusPossible,
			Participants: []string{"putin", "biden"}, Evidence: sp[3], Confidence: 0.6, Cue: "sommet"}}
	})
}

func article3() (*schema.Extraction, error) {
	text := "Kyiv, April 20. Foreign minister Dmytro Kuleba warned Moscow against any new offensive in the Donbas, " +
		"according to the Ukrainian foreign ministry, and rejected the Kremlin's account of the talks."
	a := schema.Article{Text: text, Title: "Kuleba warns Moscow", Date: "2021-04-20", Language: "en", Source: "Sample Wire"}
	ev := []string{
		"Foreign minister Dmytro Kuleba",
		"Dmytro Kuleba warned Moscow against any new offensive in the Donbas",
		"rejected the Kremlin's account of the talks",
	}
	return article(a, ev, func(x *schema.Extraction, sp []schema.Span) {
		x.Entities = []schema.Entity{kuleba, russia, ukraine, donbas, kremlin, ukrMFA}
		x.Roles = []schema.Role{{Person: "kuleba", Role: "foreign minister", Of: "ukraine", Evidence: &sp[0], Confidence: 0.9}}
		x.Statements = []schema.Statement{
			{Speaker: "kuleba", Act: schema.ActWarn, Content: "against any new offensive in the Donbas",
				About: []string{"donbas", "ukraine"}, Target: "russia", AccordingTo: "ukrmfa", Evidence: sp[1],
				Date: "2021-04-20", Confidence: 0.9, Cue: "warned"},
			{Speaker: "kuleba", Act: schema.ActReject, Content: "the Kremlin's account of the talks",
				About: []string{"kremlin"}, Evidence: sp[2], Date: "2021-04-20", Confidence: 0.75, Cue: "rejected"},
		}
	})
}
