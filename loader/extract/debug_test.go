package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/newsgraph/kg/loader"
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
