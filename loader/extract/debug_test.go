package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/loader"
	"github.com/newsgraph/kg/schema"
)

// TestDebugGroups prints the verb groups and subjects of every sentence of
// the file named by EXTRACT_DEBUG; it is a development aid and skips otherwise.
func TestDebugGroups(t *testing.T) {
	path := os.Getenv("EXTRACT_DEBUG")
	if path == "" {
		t.Skip("set EXTRACT_DEBUG=file to trace")
	}
	arts, err := loader.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(x.m, arts[0])
	d.toks = tokenize(d.text)
	d.sents = splitSentences(d.text, d.toks)
	d.lang = d.detectLang()
	d.matchLayers()
	d.findHeadline()
	d.findMentions()
	d.findCommunique()
	d.addLexiconRoles()
	d.findTranscript()
	d.markQuotes()
	for si, s := range d.sents {
		fmt.Printf("S%d: %s\n", si, d.surface(s[0], s[1]))
		if si == d.titleSent || d.turnOf[si] != nil {
			continue
		}
		for i := s[0]; i < s[1]; i++ {
			if m := d.mAt[i]; m != nil && m.a == i {
				var names []string
				for _, e := range m.refs() {
					names = append(names, e.name)
				}
				fmt.Printf("   M[%d] %q kind=%d %v\n", i, d.surface(m.a, m.b), m.kind, names)
			}
		}
		for i := s[0]; i < s[1]; i++ {
			if len(d.wfwd[i]) > 0 {
				fmt.Printf("   W[%d] %s %v\n", i, d.toks[i].f, d.wfwd[i])
			}
		}
		gs := d.sentenceGroups(s)
		for _, g := range gs {
			var names []string
			for _, e := range g.subj {
				names = append(names, e.name)
			}
			cue := ""
			if g.cue != nil {
				cue = string(g.cue.Act)
			}
			fmt.Printf("   G %q cue=%s form=%d subj=%v expl=%v inv=%v elided=%v\n", d.surface(g.g, g.c1), cue, g.form, names, g.explicit, g.inverted, g.elided)
		}
		d.statementsOf(s, gs)
		d.eventsOf(s, gs)
		d.updateState(s, gs)
		var ls []string
		for _, e := range d.lastSubj {
			ls = append(ls, e.name)
		}
		fmt.Printf("   lastSubj=%v\n", ls)
	}
}

// TestDumpCorpus writes `kg extract --json` output for every NN_*.txt of
// EXTRACT_CORPUS into EXTRACT_DUMP (NN.json), so the client's scorer can run
// on the package alone: EXTRACT_CORPUS=dir EXTRACT_DUMP=out go test -run TestDumpCorpus.
func TestDumpCorpus(t *testing.T) {
	in, out := os.Getenv("EXTRACT_CORPUS"), os.Getenv("EXTRACT_DUMP")
	if in == "" || out == "" {
		t.Skip("EXTRACT_CORPUS and EXTRACT_DUMP not set")
	}
	x := testExtractor(t)
	txts, _ := filepath.Glob(filepath.Join(in, "*_*.txt"))
	for _, p := range txts {
		arts, err := loader.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ex, err := x.Extract(arts[0])
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.MarshalIndent(ex, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		key := strings.SplitN(filepath.Base(p), "_", 2)[0]
		if err := os.WriteFile(filepath.Join(out, key+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShow prints a compact view of what the extractor reads in the text
// file named by EXTRACT_SHOW: entities, roles, statements and events, one
// a line. With EXTRACT_DATE set, each paragraph is an article of that date;
// else the file is one article read by the loader. A development aid; skips
// otherwise.
func TestShow(t *testing.T) {
	path := os.Getenv("EXTRACT_SHOW")
	if path == "" {
		t.Skip("set EXTRACT_SHOW=file to show")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*schema.Article
	whole := os.Getenv("EXTRACT_DATE") == ""
	if whole {
		// a whole article file, header and all
		if arts, err = loader.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	for _, para := range strings.Split(string(raw), "\n\n") {
		if strings.TrimSpace(para) == "" || whole {
			continue
		}
		arts = append(arts, &schema.Article{ID: schema.ArticleIRI(schema.Hash(para)), Text: para, Date: os.Getenv("EXTRACT_DATE")})
	}
	for _, a := range arts {
		para := a.Text
		ex, err := testExtractor(t).Extract(a)
		if err != nil {
			t.Fatal(err)
		}
		n := names(ex)
		fmt.Printf("== %s\n", para)
		for _, e := range ex.Entities {
			fmt.Printf("  E %s [%s] %q\n", e.Name, e.Type, e.Aliases)
		}
		for _, r := range ex.Roles {
			fmt.Printf("  R %s %s of %s\n", n[r.Person].Name, r.Role, n[r.Of].Name)
		}
		for _, s := range ex.Statements {
			fmt.Printf("  S %s %s src=%s %q\n", n[s.Speaker].Name, s.Act, n[s.AccordingTo].Name, s.Evidence.Text)
		}
		for _, e := range ex.Events {
			var ps []string
			for _, p := range e.Participants {
				ps = append(ps, n[p].Name)
			}
			fmt.Printf("  V %s %s %v place=%s %q\n", e.Type, e.Status, ps, n[e.Place].Name, e.Evidence.Text)
		}
	}
}
