package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/graph/graphtest"
	"github.com/newsgraph/kg/schema"
)

// The fixtures are two short invented dispatches about two invented states,
// Syldavia and Borduria, written for these tests.

const textA = `Syldavia and Borduria talk again
Syldavia's foreign minister Ana López spoke by phone with Borduria's envoy Otto Kral on Friday.
López said she was worried by the troops gathering near Szohod, according to the ministry.
Klow called on Borduria to pull its forces back.
The two ministers plan to meet in Szohod next month.`

const textB = `Borduria answers Klow
Ana Lopez and Otto Kral held a phone call on 2 April, the Bordurian agency reported.
Kral rejected the Syldavian demands and accused Klow of provocation.`

// span returns the span of the first occurrence of sub in text, with the
// sentence (line) around it.
func spanOf(t testing.TB, text, sub string) schema.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += i
	}
	return schema.Span{Start: i, End: i + len(sub), Text: sub, Sentence: text[start:end]}
}

func entityIRI(t schema.EntityType, name string) string { return schema.EntityIRI(t, name) }

var (
	idLopez    = entityIRI(schema.TypePerson, "Ana López")
	idKral     = entityIRI(schema.TypePerson, "Otto Kral")
	idSyldavia = entityIRI(schema.TypeState, "Syldavia")
	idBorduria = entityIRI(schema.TypeState, "Borduria")
	idSzohod   = entityIRI(schema.TypePlace, "Szohod")
	idMinistry = entityIRI(schema.TypeOrganization, "Syldavian Foreign Ministry")
)

// fixtureA is the first dispatch, with local entity ids ("e1") as the
// extractor's JSON has them, to exercise the id mapping.
func fixtureA(t testing.TB) *schema.Extraction {
	call := spanOf(t, textA, "spoke by phone with Borduria's envoy Otto Kral on Friday")
	return &schema.Extraction{
		Article: schema.Article{Title: "Syldavia and Borduria talk again", Date: "2021-04-02", Language: "en",
			Source: "Klow Courier", URL: "https://courier.example/a1", Path: "testdata/a.txt", Text: textA},
		Entities: []schema.Entity{
			{ID: "e1", Name: "Ana López", Type: schema.TypePerson, Aliases: []string{"López", "foreign minister"}},
			{ID: "e2", Name: "Otto Kral", Type: schema.TypePerson, Aliases: []string{"Kral"}},
			{ID: "e3", Name: "Syldavia", Type: schema.TypeState, Aliases: []string{"Klow"}, SameAs: []string{"https://example.org/wiki/Syldavia"}},
			{ID: "e4", Name: "Borduria", Type: schema.TypeState},
			{ID: "e5", Name: "Szohod", Type: schema.TypePlace},
			{ID: "e6", Name: "Syldavian Foreign Ministry", Type: schema.TypeOrganization, Aliases: []string{"the ministry"}},
		},
		Roles: []schema.Role{
			{Person: "e1", Role: "foreign minister", Of: "e3", Confidence: 0.9, Cue: "apposition",
				Evidence: ptr(spanOf(t, textA, "Syldavia's foreign minister Ana López"))},
		},
		Statements: []schema.Statement{
			{Speaker: "e1", Act: schema.ActExpressConcern, Content: "troops gathering near Szohod",
				About: []string{"e5", "e4"}, AccordingTo: "e6", Confidence: 0.8, Cue: "worried", CAMEO: "023", PLOVER: "CONSULT",
				Evidence: spanOf(t, textA, "López said she was worried by the troops gathering near Szohod")},
			{Speaker: "e3", Act: schema.ActCallOn, Content: "pull its forces back", Target: "e4", Confidence: 0.7, Cue: "called on",
				Evidence: spanOf(t, textA, "Klow called on Borduria to pull its forces back")},
		},
		Events: []schema.Event{
			{Type: schema.EventPhoneCall, Status: schema.StatusOccurred, Participants: []string{"e1", "e2"}, Date: "2021-04-02",
				Evidence: call, Confidence: 0.9, Cue: "spoke by phone"},
			{Type: schema.EventMeeting, Status: schema.StatusPlanned, Participants: []string{"e1", "e2"}, Place: "e5",
				Evidence: spanOf(t, textA, "plan to meet in Szohod next month"), Confidence: 0.6, Cue: "plan to meet"},
		},
	}
}

// fixtureB is the second dispatch, with IRIs as ids (as the loader passes
// them after curation) and the same phone call as fixtureA.
func fixtureB(t testing.TB) *schema.Extraction {
	return &schema.Extraction{
		Article: schema.Article{Title: "Borduria answers Klow", Date: "2021-04-03", Language: "en",
			Source: "Bordurian Agency", Text: textB},
		Entities: []schema.Entity{
			{ID: idLopez, Name: "Ana Lopez", Type: schema.TypePerson},
			{ID: idKral, Name: "Otto Kral", Type: schema.TypePerson, Aliases: []string{"Kral"}},
			{ID: idSyldavia, Name: "Syldavia", Type: schema.TypeState, Aliases: []string{"Klow", "Syldavian"}},
			{ID: idBorduria, Name: "Borduria", Type: schema.TypeState, Aliases: []string{"Bordurian"}},
		},
		Statements: []schema.Statement{
			{Speaker: idKral, Act: schema.ActReject, Content: "the Syldavian demands", About: []string{idSyldavia},
				Confidence: 0.8, Evidence: spanOf(t, textB, "Kral rejected the Syldavian demands")},
			{Speaker: idKral, Act: schema.ActAccuse, Content: "provocation", Target: idSyldavia,
				Confidence: 0.8, Evidence: spanOf(t, textB, "accused Klow of provocation")},
		},
		Events: []schema.Event{
			{Type: schema.EventPhoneCall, Status: schema.StatusOccurred, Participants: []string{idKral, idLopez}, Date: "2021-04-02",
				Evidence: spanOf(t, textB, "held a phone call on 2 April"), Confidence: 0.9},
		},
	}
}

func ptr[T any](v T) *T { return &v }

// backend is one way of opening a fresh, empty store for a test.
type backend struct {
	name string
	open func(t testing.TB) *Store
}

// backends lists the stores the shared suite runs against: memory, a bbolt
// file in a temp dir, and PostgreSQL when KG_TEST_POSTGRES holds a DSN.
func backends(t testing.TB) []backend {
	bs := []backend{
		{"memory", func(t testing.TB) *Store { return mustOpen(t, "memory:") }},
		{"bbolt", func(t testing.TB) *Store { return mustOpen(t, filepath.Join(t.TempDir(), "kg.db")) }},
	}
	dsn := os.Getenv("KG_TEST_POSTGRES")
	switch {
	case dsn != "":
		bs = append(bs, backend{"postgres", func(t testing.TB) *Store { return mustOpen(t, graphtest.FreshPostgres(t, dsn)) }})
	case os.Getenv("CI") != "":
		t.Fatal("CI is set but KG_TEST_POSTGRES is empty: the PostgreSQL backend must be tested in CI")
	default:
		t.Log("PostgreSQL backend skipped: set KG_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test?sslmode=disable to run it")
	}
	return bs
}

func mustOpen(t testing.TB, addr string) *Store {
	t.Helper()
	s, err := Open(context.Background(), addr)
	if err != nil {
		t.Fatalf("Open(%q): %v", addr, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustPut(t testing.TB, s *Store, x *schema.Extraction) schema.PutResult {
	t.Helper()
	r, err := s.PutExtraction(context.Background(), x)
	if err != nil {
		t.Fatalf("PutExtraction(%s): %v", x.Article.Title, err)
	}
	return r
}

// synthetic builds the i-th of many small generated articles, for benchmarks.
func synthetic(i int) *schema.Extraction {
	body := fmt.Sprintf("Dispatch %d. Minister M%d of state S%d said talks with state S%d must go on. "+
		"M%d called M%d on day %d.", i, i%97, i%13, (i+1)%13, i%97, (i+5)%97, i%28+1)
	ev := schema.Span{Start: 0, End: 20, Text: body[:20]}
	person := fmt.Sprintf("Minister M%d", i%97)
	other := fmt.Sprintf("Minister M%d", (i+5)%97)
	st1, st2 := fmt.Sprintf("State S%d", i%13), fmt.Sprintf("State S%d", (i+1)%13)
	return &schema.Extraction{
		Article: schema.Article{Title: fmt.Sprintf("Dispatch %d", i), Date: fmt.Sprintf("2021-%02d-%02d", i%12+1, i%28+1),
			Language: "en", Source: fmt.Sprintf("Source %d", i%5), Text: body},
		Entities: []schema.Entity{
			{ID: "p", Name: person, Type: schema.TypePerson, Aliases: []string{fmt.Sprintf("M%d", i%97)}},
			{ID: "q", Name: other, Type: schema.TypePerson},
			{ID: "s", Name: st1, Type: schema.TypeState},
			{ID: "t", Name: st2, Type: schema.TypeState},
		},
		Roles: []schema.Role{{Person: "p", Role: "minister", Of: "s"}},
		Statements: []schema.Statement{
			{Speaker: "p", Act: schema.Acts[i%len(schema.Acts)], Content: "talks must go on", About: []string{"t"},
				Evidence: ev, Confidence: 0.5},
			{Speaker: "s", Act: schema.ActState, Content: "dispatch", Evidence: schema.Span{Start: 21, End: 30, Text: body[21:30]}},
		},
		Events: []schema.Event{{Type: schema.EventPhoneCall, Status: schema.StatusOccurred, Participants: []string{"p", "q"},
			Date: fmt.Sprintf("2021-%02d-%02d", i%12+1, i%28+1), Evidence: schema.Span{Start: 31, End: 40, Text: body[31:40]}}},
	}
}
