package graph

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/kg/schema"
)

// suite is the shared behaviour every backend must show.
var suite = []struct {
	name string
	run  func(t *testing.T, s *Store)
}{
	{"reload is idempotent", testReload},
	{"reload replaces a changed extraction", testReplace},
	{"batch put equals puts in turn", testBatch},
	{"articles", testArticles},
	{"entities", testEntities},
	{"statements", testStatements},
	{"events share the happening", testEvents},
	{"roles", testRoles},
	{"retract keeps other articles' facts", testRetract},
	{"merges and aliases", testCuration},
	{"export is strict and stable", testExport},
	{"stats", testStats},
	{"bad input", testBadInput},
	{"concurrent use", testConcurrent},
	{"reads follow every write", testReadsFollowWrites},
}

func TestStore(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			for _, tc := range suite {
				t.Run(tc.name, func(t *testing.T) { tc.run(t, b.open(t)) })
			}
		})
	}
}

func ctx() context.Context { return context.Background() }

func testReload(t *testing.T, s *Store) {
	first := mustPut(t, s, fixtureA(t))
	if first.Added == 0 || !strings.HasPrefix(first.Article, schema.IDBase+"article/") {
		t.Fatalf("first put = %+v, want quads added under an article IRI", first)
	}
	if first.Article != schema.ArticleIRI(schema.Hash(textA)) {
		t.Errorf("article IRI = %s, want ArticleIRI(hash of text)", first.Article)
	}
	st1, err := s.Stats(ctx())
	if err != nil {
		t.Fatal(err)
	}
	if st1.Quads != first.Added {
		t.Errorf("store holds %d quads, PutExtraction reported %d added", st1.Quads, first.Added)
	}
	second := mustPut(t, s, fixtureA(t))
	if second.Added != 0 || second.Article != first.Article {
		t.Errorf("second put = %+v, want Added 0 for %s", second, first.Article)
	}
	st2, _ := s.Stats(ctx())
	if st2 != st1 {
		t.Errorf("stats after reload = %+v, want %+v", st2, st1)
	}
	ok, err := s.HasArticle(ctx(), schema.Hash(textA))
	if err != nil || !ok {
		t.Errorf("HasArticle(hash A) = %v, %v; want true", ok, err)
	}
	if ok, _ := s.HasArticle(ctx(), schema.Hash("nothing")); ok {
		t.Error("HasArticle(unknown hash) = true")
	}
}

func testReplace(t *testing.T, s *Store) {
	mustPut(t, s, fixtureA(t))
	before, _ := s.Stats(ctx())
	x := fixtureA(t)
	x.Statements = x.Statements[:1]
	r := mustPut(t, s, x)
	if r.Added != 0 {
		t.Errorf("Added = %d for a smaller extraction, want 0", r.Added)
	}
	after, _ := s.Stats(ctx())
	if after.Statements != before.Statements-1 || after.Quads >= before.Quads {
		t.Errorf("after dropping a statement: %+v (before %+v)", after, before)
	}
}

func testArticles(t *testing.T, s *Store) {
	a := mustPut(t, s, fixtureA(t)).Article
	b := mustPut(t, s, fixtureB(t)).Article
	tests := []struct {
		name string
		f    schema.ArticleFilter
		want []string
	}{
		{"all newest first", schema.ArticleFilter{}, []string{b, a}},
		{"by source", schema.ArticleFilter{Source: "Klow Courier"}, []string{a}},
		{"by language", schema.ArticleFilter{Language: "en"}, []string{b, a}},
		{"unknown language", schema.ArticleFilter{Language: "fr"}, nil},
		{"from", schema.ArticleFilter{From: "2021-04-03"}, []string{b}},
		{"to month", schema.ArticleFilter{To: "2021-04"}, []string{b, a}},
		{"to day", schema.ArticleFilter{To: "2021-04-02"}, []string{a}},
		{"title text folded", schema.ArticleFilter{Text: "BORDURIA ANSWERS"}, []string{b}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Articles(ctx(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if ids := articleIDs(got); !slices.Equal(ids, tc.want) {
				t.Errorf("Articles(%+v) = %v, want %v", tc.f, ids, tc.want)
			}
		})
	}
	got, err := s.ArticlesByID(ctx(), []string{b, "https://newsgraph.example/id/article/none", a})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] == nil || got[1] != nil || got[2] == nil {
		t.Fatalf("ArticlesByID = %v", got)
	}
	want := schema.Article{ID: a, Title: "Syldavia and Borduria talk again", Date: "2021-04-02", Language: "en",
		Source: "Klow Courier", URL: "https://courier.example/a1", Path: "testdata/a.txt", Text: textA, Hash: schema.Hash(textA)}
	if *got[2] != want {
		t.Errorf("article A = %+v\nwant %+v", *got[2], want)
	}
}

func articleIDs(as []*schema.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func entityIDs(es []*schema.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func testEntities(t *testing.T, s *Store) {
	a := mustPut(t, s, fixtureA(t)).Article
	b := mustPut(t, s, fixtureB(t)).Article
	tests := []struct {
		name string
		f    schema.EntityFilter
		want []string
	}{
		{"all by name", schema.EntityFilter{}, []string{idLopez, idBorduria, idKral, idSyldavia, idMinistry, idSzohod}},
		{"type", schema.EntityFilter{Type: schema.TypeState}, []string{idBorduria, idSyldavia}},
		{"name folded", schema.EntityFilter{Name: "ana LOPEZ"}, []string{idLopez}},
		{"name matches an alias", schema.EntityFilter{Name: "klow"}, []string{idSyldavia}},
		{"name and type disagree", schema.EntityFilter{Name: "klow", Type: schema.TypePerson}, nil},
		{"alias", schema.EntityFilter{Alias: "lopez"}, []string{idLopez}},
		{"alias matches the whole name", schema.EntityFilter{Alias: "SYLDAVIA"}, []string{idSyldavia}},
		{"alias is not a substring", schema.EntityFilter{Alias: "Syldav"}, nil},
		{"name substring", schema.EntityFilter{Name: "syldavia"}, []string{idSyldavia, idMinistry}},
		{"name substring of an alias", schema.EntityFilter{Name: "MINISTRY"}, []string{idMinistry}},
		{"name substring and type", schema.EntityFilter{Name: "o", Type: schema.TypePerson}, []string{idLopez, idKral}},
		{"article", schema.EntityFilter{Article: b}, []string{idLopez, idBorduria, idKral, idSyldavia}},
		{"article and type", schema.EntityFilter{Article: a, Type: schema.TypePlace}, []string{idSzohod}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Entities(ctx(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if ids := entityIDs(got); !slices.Equal(ids, tc.want) {
				t.Errorf("Entities(%+v) = %v, want %v", tc.f, ids, tc.want)
			}
		})
	}
	got, err := s.EntitiesByID(ctx(), []string{idLopez, "https://newsgraph.example/id/person/nobody"})
	if err != nil {
		t.Fatal(err)
	}
	if got[1] != nil {
		t.Errorf("unknown entity = %+v, want nil", got[1])
	}
	lopez := got[0]
	if lopez == nil || lopez.Type != schema.TypePerson || lopez.Mentions != 2 || lopez.Name != "Ana Lopez" ||
		!slices.Equal(lopez.Aliases, []string{"Ana López", "López", "foreign minister"}) {
		t.Errorf("López = %+v", lopez)
	}
	syl, _ := s.EntitiesByID(ctx(), []string{idSyldavia})
	if !slices.Equal(syl[0].SameAs, []string{"https://example.org/wiki/Syldavia"}) {
		t.Errorf("Syldavia sameAs = %v", syl[0].SameAs)
	}
}

func testStatements(t *testing.T, s *Store) {
	a := mustPut(t, s, fixtureA(t)).Article
	b := mustPut(t, s, fixtureB(t)).Article
	all, err := s.Statements(ctx(), schema.StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 {
		t.Fatalf("got %d statements, want 4", len(all))
	}
	acts := func(sts []*schema.Statement) []schema.Act {
		var out []schema.Act
		for _, st := range sts {
			out = append(out, st.Act)
		}
		return out
	}
	if got, want := acts(all), []schema.Act{schema.ActExpressConcern, schema.ActCallOn, schema.ActReject, schema.ActAccuse}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v (article date, then offset)", got, want)
	}
	first := all[0]
	wantFirst := schema.Statement{ID: first.ID, Speaker: idLopez, Act: schema.ActExpressConcern, Content: "troops gathering near Szohod",
		About: []string{idSzohod, idBorduria}, AccordingTo: idMinistry,
		Evidence: spanOf(t, textA, "López said she was worried by the troops gathering near Szohod"),
		Date:     "2021-04-02", Confidence: 0.8, Cue: "worried", CAMEO: "023", PLOVER: "CONSULT", Article: a}
	if !equalStatement(*first, wantFirst) {
		t.Errorf("first statement = %+v\nwant %+v", *first, wantFirst)
	}
	tests := []struct {
		name string
		f    schema.StatementFilter
		want []schema.Act
	}{
		{"act", schema.StatementFilter{Act: schema.ActReject}, []schema.Act{schema.ActReject}},
		{"speaker", schema.StatementFilter{Speaker: idKral}, []schema.Act{schema.ActReject, schema.ActAccuse}},
		{"speaker and act", schema.StatementFilter{Speaker: idKral, Act: schema.ActAccuse}, []schema.Act{schema.ActAccuse}},
		{"about", schema.StatementFilter{About: idSyldavia}, []schema.Act{schema.ActReject}},
		{"target", schema.StatementFilter{Target: idBorduria}, []schema.Act{schema.ActCallOn}},
		{"according to", schema.StatementFilter{AccordingTo: idMinistry}, []schema.Act{schema.ActExpressConcern}},
		{"article", schema.StatementFilter{Article: b}, []schema.Act{schema.ActReject, schema.ActAccuse}},
		{"from", schema.StatementFilter{From: "2021-04-03"}, []schema.Act{schema.ActReject, schema.ActAccuse}},
		{"to", schema.StatementFilter{To: "2021-04-02"}, []schema.Act{schema.ActExpressConcern, schema.ActCallOn}},
		{"year bounds", schema.StatementFilter{From: "2021", To: "2021"}, []schema.Act{schema.ActExpressConcern, schema.ActCallOn, schema.ActReject, schema.ActAccuse}},
		{"text folded", schema.StatementFilter{Text: "PROVOCATION"}, []schema.Act{schema.ActAccuse}},
		{"text in evidence", schema.StatementFilter{Text: "lopez said"}, []schema.Act{schema.ActExpressConcern}},
		{"nothing", schema.StatementFilter{Speaker: idSzohod}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Statements(ctx(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if acts := acts(got); !slices.Equal(acts, tc.want) {
				t.Errorf("Statements(%+v) = %v, want %v", tc.f, acts, tc.want)
			}
		})
	}
}

func equalStatement(a, b schema.Statement) bool {
	return reflect.DeepEqual(a, b)
}

func testEvents(t *testing.T, s *Store) {
	a := mustPut(t, s, fixtureA(t)).Article
	b := mustPut(t, s, fixtureB(t)).Article
	all, err := s.Events(ctx(), schema.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("got %d event accounts, want 3: %+v", len(all), all)
	}
	var calls []*schema.Event
	for _, e := range all {
		if e.Type == schema.EventPhoneCall {
			calls = append(calls, e)
		}
	}
	if len(calls) != 2 || calls[0].ID != calls[1].ID || calls[0].Article == calls[1].Article {
		t.Fatalf("the two accounts of the call should share one event: %+v", calls)
	}
	if !slices.Equal(calls[0].Participants, []string{idLopez, idKral}) || calls[0].Date != "2021-04-02" {
		t.Errorf("call = %+v", calls[0])
	}
	tests := []struct {
		name string
		f    schema.EventFilter
		want int
	}{
		{"type", schema.EventFilter{Type: schema.EventMeeting}, 1},
		{"status", schema.EventFilter{Status: schema.StatusPlanned}, 1},
		{"participant", schema.EventFilter{Participant: idKral}, 3},
		{"place", schema.EventFilter{Place: idSzohod}, 1},
		{"article", schema.EventFilter{Article: b}, 1},
		{"article and type", schema.EventFilter{Article: a, Type: schema.EventPhoneCall}, 1},
		{"dated", schema.EventFilter{From: "2021-04-01", To: "2021-04-30"}, 2},
		{"too late", schema.EventFilter{From: "2022"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Events(ctx(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want {
				t.Errorf("Events(%+v) = %d items, want %d: %+v", tc.f, len(got), tc.want, got)
			}
		})
	}
}

func testRoles(t *testing.T, s *Store) {
	a := mustPut(t, s, fixtureA(t)).Article
	roles, err := s.Roles(ctx(), idLopez)
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) != 1 {
		t.Fatalf("roles = %+v", roles)
	}
	r := roles[0]
	if r.Person != idLopez || r.Role != "foreign minister" || r.Of != idSyldavia || r.Article != a ||
		r.Evidence == nil || r.Evidence.Text != "Syldavia's foreign minister Ana López" || r.Confidence != 0.9 {
		t.Errorf("role = %+v", r)
	}
	if roles, err := s.Roles(ctx(), idKral); err != nil || len(roles) != 0 {
		t.Errorf("Kral's roles = %v, %v; want none", roles, err)
	}
	if _, err := s.Roles(ctx(), schema.IDBase+"person/nobody"); schema.ErrorCode(err) != schema.CodeNotFound {
		t.Errorf("Roles(unknown) error = %v, want NOT_FOUND", err)
	}
}

func testRetract(t *testing.T, s *Store) {
	a := mustPut(t, s, fixtureA(t)).Article
	onlyB := mustOpenLike(t, s)
	b := mustPut(t, s, fixtureB(t)).Article
	mustPut(t, onlyB, fixtureB(t))

	if err := s.RetractArticle(ctx(), a); err != nil {
		t.Fatal(err)
	}
	// The store now holds exactly what B alone writes.
	if got, want := exportString(t, s), exportString(t, onlyB); got != want {
		t.Errorf("after retracting A the store differs from B alone:\n%s\nwant\n%s", got, want)
	}
	if n := countLabel(t, s, a); n != 0 {
		t.Errorf("%d quads still labelled with the retracted article", n)
	}
	lopez, _ := s.EntitiesByID(ctx(), []string{idLopez})
	if lopez[0] == nil || lopez[0].Mentions != 1 {
		t.Errorf("López after retraction = %+v, want 1 mention", lopez[0])
	}
	evs, _ := s.Events(ctx(), schema.EventFilter{})
	if len(evs) != 1 || evs[0].Article != b {
		t.Errorf("events after retraction = %+v", evs)
	}
	if err := s.RetractArticle(ctx(), a); schema.ErrorCode(err) != schema.CodeNotFound {
		t.Errorf("second retraction error = %v, want NOT_FOUND", err)
	}
	// Retracting by content hash works too.
	if err := s.RetractArticle(ctx(), schema.Hash(textB)); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx()); st.Quads != 0 {
		t.Errorf("after retracting everything: %+v", st)
	}
}

// mustOpenLike opens a second, empty store of the same backend.
func mustOpenLike(t *testing.T, s *Store) *Store {
	for _, b := range backends(t) {
		if b.name == s.backend || (b.name == "bbolt" && s.backend == BackendBolt) {
			return b.open(t)
		}
	}
	t.Fatalf("no backend %s", s.backend)
	return nil
}

// countLabel counts the quads carrying label by a full scan, independent of
// the index walk that articleQuads does.
func countLabel(t *testing.T, s *Store, label string) int {
	qs, err := s.allQuads(ctx())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range qs {
		if text(q.Label) == label {
			n++
		}
	}
	return n
}

// exportString is the store's N-Quads export with its lines sorted, to
// compare the content of two stores (each exports in its own order).
func exportString(t *testing.T, s *Store) string {
	lines := strings.SplitAfter(rawExport(t, s), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "")
}

// rawExport is the export as Export writes it.
func rawExport(t *testing.T, s *Store) string {
	var buf bytes.Buffer
	if err := s.Export(ctx(), &buf, FormatNQuads); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func testCuration(t *testing.T, s *Store) {
	mustPut(t, s, fixtureA(t))
	mustPut(t, s, fixtureB(t))
	// Analysts decide the ministry speaks for Syldavia, and Klow gets a
	// nickname.
	if err := s.MergeEntities(ctx(), idSyldavia, idMinistry); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAlias(ctx(), idBorduria, "the Black Eagle state"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.EntitiesByID(ctx(), []string{idMinistry})
	if got[0] == nil || got[0].ID != idSyldavia || !slices.Contains(got[0].Aliases, "Syldavian Foreign Ministry") ||
		!slices.Contains(got[0].Aliases, "the ministry") {
		t.Errorf("merged entity by id = %+v, want Syldavia with the ministry's names", got[0])
	}
	list, _ := s.Entities(ctx(), schema.EntityFilter{Type: schema.TypeOrganization})
	if len(list) != 0 {
		t.Errorf("merged organisation still listed: %v", entityIDs(list))
	}
	byName, _ := s.Entities(ctx(), schema.EntityFilter{Name: "the ministry"})
	if !slices.Equal(entityIDs(byName), []string{idSyldavia}) {
		t.Errorf("name of the merged entity finds %v, want Syldavia", entityIDs(byName))
	}
	byAlias, _ := s.Entities(ctx(), schema.EntityFilter{Alias: "THE BLACK EAGLE STATE"})
	if !slices.Equal(entityIDs(byAlias), []string{idBorduria}) {
		t.Errorf("added alias finds %v, want Borduria", entityIDs(byAlias))
	}
	sts, _ := s.Statements(ctx(), schema.StatementFilter{AccordingTo: idSyldavia})
	if len(sts) != 1 || sts[0].AccordingTo != idSyldavia {
		t.Errorf("statements according to Syldavia (via the merged ministry) = %+v", sts)
	}
	sts, _ = s.Statements(ctx(), schema.StatementFilter{AccordingTo: idMinistry})
	if len(sts) != 1 {
		t.Errorf("filter by the merged id should follow the merge, got %d", len(sts))
	}
	c, err := s.Curation(ctx())
	if err != nil {
		t.Fatal(err)
	}
	if c.Merged[idMinistry] != idSyldavia || c.Aliases["the black eagle state"] != idBorduria {
		t.Errorf("curation = %+v", c)
	}
	// Curation survives reloads and retraction of the articles.
	mustPut(t, s, fixtureA(t))
	if err := s.RetractArticle(ctx(), schema.ArticleIRI(schema.Hash(textB))); err != nil {
		t.Fatal(err)
	}
	if c2, _ := s.Curation(ctx()); len(c2.Merged) != 1 || len(c2.Aliases) != 1 {
		t.Errorf("curation after reload/retract = %+v", c2)
	}
	st, _ := s.Stats(ctx())
	if st.Entities != 5 {
		t.Errorf("stats count %d entities, want 5 (the merged one hidden)", st.Entities)
	}
	tests := []struct {
		name string
		err  error
		code string
	}{
		{"merge unknown target", s.MergeEntities(ctx(), schema.IDBase+"state/atlantis", idBorduria), schema.CodeNotFound},
		{"merge unknown source", s.MergeEntities(ctx(), idBorduria, schema.IDBase+"state/atlantis"), schema.CodeNotFound},
		{"merge twice is a no-op", s.MergeEntities(ctx(), idSyldavia, idMinistry), ""},
		{"alias unknown entity", s.AddAlias(ctx(), schema.IDBase+"state/atlantis", "x"), schema.CodeNotFound},
		{"empty alias", s.AddAlias(ctx(), idBorduria, " - "), schema.CodeInvalid},
	}
	for _, tc := range tests {
		if tc.code == "" && tc.err != nil || tc.code != "" && schema.ErrorCode(tc.err) != tc.code {
			t.Errorf("%s: error %v, want code %q", tc.name, tc.err, tc.code)
		}
	}
}

func testExport(t *testing.T, s *Store) {
	mustPut(t, s, fixtureA(t))
	mustPut(t, s, fixtureB(t))
	if err := s.MergeEntities(ctx(), idSyldavia, idMinistry); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx())
	out := rawExport(t, s)
	if out != rawExport(t, s) {
		t.Error("two exports of the same store differ")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != st.Quads {
		t.Errorf("export has %d lines, store %d quads", len(lines), st.Quads)
	}
	if distinct := len(slices.Compact(slices.Sorted(slices.Values(lines)))); distinct != len(lines) {
		t.Errorf("export repeats lines: %d distinct of %d", distinct, len(lines))
	}
	checkStrictNQuads(t, lines)

	var js bytes.Buffer
	if err := s.Export(ctx(), &js, FormatJSONLD); err != nil {
		t.Fatal(err)
	}
	r := jsonld.NewReader(&js)
	n := 0
	for {
		_, err := r.ReadQuad()
		if err != nil {
			break
		}
		n++
	}
	if dir := os.Getenv("KG_TEST_EXPORT_DIR"); dir != "" {
		// For the external strict checker: node rdf-check.mjs DIR/B.nq DIR/B.jsonld
		name := filepath.Join(dir, s.backend)
		if err := os.WriteFile(name+".nq", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		var js2 bytes.Buffer
		if err := s.Export(ctx(), &js2, FormatJSONLD); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name+".jsonld", js2.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n != st.Quads {
		t.Errorf("JSON-LD export reads back as %d quads, want %d", n, st.Quads)
	}
	if err := s.Export(ctx(), &js, "turtle"); schema.ErrorCode(err) != schema.CodeInvalid {
		t.Errorf("unknown format error = %v, want INVALID_INPUT", err)
	}
}

// checkStrictNQuads parses every line with Cayley's N-Quads parser and
// checks that every typed literal uses an xsd datatype and every IRI is
// absolute.
func checkStrictNQuads(t *testing.T, lines []string) {
	t.Helper()
	typed := 0
	for i, line := range lines {
		q, err := nquads.Parse(line)
		if err != nil {
			t.Fatalf("line %d does not parse: %v\n%s", i+1, err, line)
		}
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			switch v := v.(type) {
			case quad.IRI:
				if !isIRI(string(v)) {
					t.Errorf("line %d: IRI %s is not absolute", i+1, v)
				}
			case quad.TypedString:
				typed++
				if !strings.HasPrefix(string(v.Type), schema.XSD) {
					t.Errorf("line %d: literal typed %s, want an xsd datatype", i+1, v.Type)
				}
			case quad.String:
			default:
				// nquads.Parse turns xsd-typed literals into native
				// values; check the raw line instead.
				if strings.Contains(line, "schema.org/") && strings.Contains(line, "^^") &&
					!strings.Contains(line, "^^<"+schema.XSD) {
					t.Errorf("line %d: non-xsd datatype: %s", i+1, line)
				}
				typed++
			}
		}
		if strings.Contains(line, "^^") && !strings.Contains(line, "^^<"+schema.XSD) {
			t.Errorf("line %d: literal without an xsd datatype: %s", i+1, line)
		}
	}
	if typed == 0 {
		t.Error("no typed literal in the export: dates, offsets and confidences should be typed")
	}
}

func testStats(t *testing.T, s *Store) {
	mustPut(t, s, fixtureA(t))
	mustPut(t, s, fixtureB(t))
	st, err := s.Stats(ctx())
	if err != nil {
		t.Fatal(err)
	}
	want := schema.Stats{Quads: st.Quads, Articles: 2, Entities: 6, Statements: 4, Events: 2}
	if st != want || st.Quads == 0 {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
}

func testBadInput(t *testing.T, s *Store) {
	bad := func(edit func(x *schema.Extraction)) *schema.Extraction {
		x := fixtureA(t)
		edit(x)
		return x
	}
	tests := []struct {
		name string
		x    *schema.Extraction
	}{
		{"nil", nil},
		{"no article identity", bad(func(x *schema.Extraction) { x.Article.Text = "" })},
		{"relative article id", bad(func(x *schema.Extraction) { x.Article.ID = "a1" })},
		{"unknown entity type", bad(func(x *schema.Extraction) { x.Entities[0].Type = "Animal" })},
		{"nameless entity", bad(func(x *schema.Extraction) { x.Entities[0].Name = " " })},
		{"dangling speaker", bad(func(x *schema.Extraction) { x.Statements[0].Speaker = "e99" })},
		{"dangling participant", bad(func(x *schema.Extraction) { x.Events[0].Participants = []string{"e42"} })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.PutExtraction(ctx(), tc.x)
			if schema.ErrorCode(err) != schema.CodeInvalid {
				t.Errorf("error = %v, want INVALID_INPUT", err)
			}
		})
	}
	if st, _ := s.Stats(ctx()); st.Quads != 0 {
		t.Errorf("a refused extraction wrote %d quads", st.Quads)
	}
	if err := s.RetractArticle(ctx(), "https://newsgraph.example/id/article/none"); schema.ErrorCode(err) != schema.CodeNotFound {
		t.Errorf("retract unknown = %v, want NOT_FOUND", err)
	}
}

func testBatch(t *testing.T, s *Store) {
	one := mustOpenLike(t, s)
	mustPut(t, one, fixtureA(t))
	mustPut(t, one, fixtureB(t))
	rs, err := s.PutExtractions(ctx(), []*schema.Extraction{fixtureA(t), fixtureB(t), fixtureA(t)})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx())
	if rs[0].Added != 0 || rs[0].Article != rs[2].Article || rs[1].Added+rs[2].Added != st.Quads {
		t.Errorf("results = %+v for %d quads", rs, st.Quads)
	}
	if exportString(t, s) != exportString(t, one) {
		t.Error("a batch put stores something else than the same puts in turn")
	}
	x := fixtureB(t)
	x.Entities[0].Type = "Animal"
	if _, err := s.PutExtractions(ctx(), []*schema.Extraction{synthetic(1), x}); schema.ErrorCode(err) != schema.CodeInvalid {
		t.Errorf("batch with a bad extraction: %v, want INVALID_INPUT", err)
	}
	if st2, _ := s.Stats(ctx()); st2 != st {
		t.Errorf("a refused batch changed the store: %+v, was %+v", st2, st)
	}
}

// testConcurrent writes and reads from several goroutines at once (run
// with -race to make it meaningful).
func testConcurrent(t *testing.T, s *Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 60) // room for every call to fail without blocking
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				if _, err := s.PutExtraction(ctx(), synthetic(w*5+i)); err != nil {
					errs <- err
				}
				if _, err := s.Statements(ctx(), schema.StatementFilter{Act: schema.ActState}); err != nil {
					errs <- err
				}
				if _, err := s.Entities(ctx(), schema.EntityFilter{Type: schema.TypeState}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st, _ := s.Stats(ctx()); st.Articles != 20 {
		t.Errorf("stored %d articles, want 20", st.Articles)
	}
}

// testReadsFollowWrites reads the same entity between writes of every kind,
// so that no cached answer outlives a write.
func testReadsFollowWrites(t *testing.T, s *Store) {
	lopez := func() *schema.Entity {
		t.Helper()
		es, err := s.EntitiesByID(ctx(), []string{idLopez})
		if err != nil {
			t.Fatal(err)
		}
		return es[0]
	}
	if lopez() != nil {
		t.Fatal("López found in an empty store")
	}
	mustPut(t, s, fixtureA(t))
	if e := lopez(); e == nil || e.Mentions != 1 {
		t.Fatalf("after A: %+v", e)
	}
	b := mustPut(t, s, fixtureB(t)).Article
	if e := lopez(); e.Mentions != 2 {
		t.Errorf("after B: %d mentions, want 2", e.Mentions)
	}
	if err := s.AddAlias(ctx(), idLopez, "the Klow envoy"); err != nil {
		t.Fatal(err)
	}
	if e := lopez(); !slices.Contains(e.Aliases, "the Klow envoy") {
		t.Errorf("after AddAlias: %v", e.Aliases)
	}
	e := lopez()
	e.Aliases[0] = "changed by the caller"
	if lopez().Aliases[0] == "changed by the caller" {
		t.Error("a caller's change to a returned entity leaked into later reads")
	}
	if err := s.RetractArticle(ctx(), b); err != nil {
		t.Fatal(err)
	}
	if e := lopez(); e.Mentions != 1 {
		t.Errorf("after retracting B: %d mentions, want 1", e.Mentions)
	}
	if err := s.MergeEntities(ctx(), idKral, idLopez); err != nil {
		t.Fatal(err)
	}
	if e := lopez(); e.ID != idKral {
		t.Errorf("after the merge López reads as %s, want Kral", e.ID)
	}
}
