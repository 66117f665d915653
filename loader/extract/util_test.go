package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/kg/schema"
)

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

// checkStatements checks the statements of ex, listed by said as
// "speaker|act|source", against want and not. A want entry is found when a
// statement equals it; "speaker||source" is found in a statement of any act
// and "speaker|" in one of any act and source. A not entry fails the test
// for every statement it matches: the one it equals, any of its act when it
// is "|ACT|" (whatever the speaker and source), and any it opens when it
// ends in "|" ("speaker|act|" for any source, "speaker|" for any act).
func checkStatements(t *testing.T, ex *schema.Extraction, want, not []string) {
	t.Helper()
	checkSaid(t, said(ex), want, not, false)
}

// checkStatementsAnySource is checkStatements where a want entry ending in
// "|" is also found in any statement it opens, so that "speaker|act|" stands
// for that speaker and act with any source or none.
func checkStatementsAnySource(t *testing.T, ex *schema.Extraction, want, not []string) {
	t.Helper()
	checkSaid(t, said(ex), want, not, true)
}

// checkSaid is the loop of checkStatements and checkStatementsAnySource
// over the listed statements got.
func checkSaid(t *testing.T, got, want, not []string, anySource bool) {
	t.Helper()
	for _, w := range want {
		if !saidHas(got, w, anySource) {
			t.Errorf("missing %q in %q", w, got)
		}
	}
	for _, w := range not {
		for _, g := range got {
			if g == w || strings.HasPrefix(w, "|") && strings.Contains(g, w) || strings.HasSuffix(w, "|") && strings.HasPrefix(g, w) {
				t.Errorf("unexpected %q in %q", g, got)
			}
		}
	}
}

// saidHas reports whether the statements got hold the want entry w of
// checkStatements (anySource: of checkStatementsAnySource).
func saidHas(got []string, w string, anySource bool) bool {
	if contains(got, w) {
		return true
	}
	n := strings.Count(w, "|")
	switch {
	case n == 2 && strings.Contains(w, "||"):
		// "speaker||source": any act
		sp, src, _ := strings.Cut(w, "||")
		for _, g := range got {
			if strings.HasPrefix(g, sp+"|") && strings.HasSuffix(g, "|"+src) {
				return true
			}
		}
	case strings.HasSuffix(w, "|") && (n == 1 || anySource):
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				return true
			}
		}
	}
	return false
}

// entityHas reports whether the extraction holds an entity of type typ
// with the surface form (name or alias) form.
func entityHas(ex *schema.Extraction, typ schema.EntityType, form string) bool {
	for _, e := range ex.Entities {
		if e.Type != typ {
			continue
		}
		if schema.Fold(e.Name) == schema.Fold(form) {
			return true
		}
		for _, a := range e.Aliases {
			if schema.Fold(a) == schema.Fold(form) {
				return true
			}
		}
	}
	return false
}

// checkEntities checks that ex holds an entity for every "Type|form" of ents
// and none for any of notEnts, a form naming an entity by its name or one
// of its aliases (entityHas).
func checkEntities(t *testing.T, ex *schema.Extraction, ents, notEnts []string) {
	t.Helper()
	for _, w := range ents {
		typ, form, _ := cut(w)
		if !entityHas(ex, schema.EntityType(typ), form) {
			t.Errorf("missing entity %s; got %v", w, entList(ex))
		}
	}
	for _, w := range notEnts {
		typ, form, _ := cut(w)
		if entityHas(ex, schema.EntityType(typ), form) {
			t.Errorf("unexpected entity %s", w)
		}
	}
}

// checkEntitiesNotNamed checks that no entity of ex has the type and, by
// its name alone, the form of any "Type|form" of notEnts: unlike
// checkEntities, the form may still be one of an entity's aliases.
func checkEntitiesNotNamed(t *testing.T, ex *schema.Extraction, notEnts []string) {
	t.Helper()
	for _, w := range notEnts {
		typ, form, _ := cut(w)
		for _, e := range ex.Entities {
			if string(e.Type) == typ && schema.Fold(e.Name) == schema.Fold(form) {
				t.Errorf("unexpected entity %s", w)
			}
		}
	}
}

// checkEntityNames checks the entities of ex, keyed "Name|Type" by their
// exact name, against want (each must be there) and not (none may be).
func checkEntityNames(t *testing.T, ex *schema.Extraction, want, not []string) {
	t.Helper()
	got := map[string]bool{}
	for _, e := range ex.Entities {
		got[e.Name+"|"+string(e.Type)] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %q in %v", w, got)
		}
	}
	for _, w := range not {
		if got[w] {
			t.Errorf("unexpected %q in %v", w, got)
		}
	}
}

// cut splits s at its first "|" (the whole of s and false when it has none).
func cut(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// entList lists entities as "Type:Name" for failure messages.
func entList(ex *schema.Extraction) []string {
	var out []string
	for _, e := range ex.Entities {
		out = append(out, string(e.Type)+":"+e.Name)
	}
	return out
}

// roleList lists roles as "person|role|of" with entity names.
func roleList(ex *schema.Extraction) []string {
	n := names(ex)
	var out []string
	for _, r := range ex.Roles {
		out = append(out, n[r.Person].Name+"|"+r.Role+"|"+n[r.Of].Name)
	}
	return out
}

// checkRoles checks the roles of ex, listed by roleList as
// "person|role|of", against roles (each must be there) and notRoles (none
// may be).
func checkRoles(t *testing.T, ex *schema.Extraction, roles, notRoles []string) {
	t.Helper()
	got := roleList(ex)
	for _, w := range roles {
		if !contains(got, w) {
			t.Errorf("missing role %s; got %v", w, got)
		}
	}
	for _, w := range notRoles {
		if contains(got, w) {
			t.Errorf("unexpected role %s", w)
		}
	}
}

// hasEventLike reports whether evs hold an event of type typ whose status
// and cue are the ones given (an empty status or cue matches any).
func hasEventLike(evs []schema.Event, typ, status, cue string) bool {
	for _, e := range evs {
		if string(e.Type) == typ && (status == "" || string(e.Status) == status) && (cue == "" || e.Cue == cue) {
			return true
		}
	}
	return false
}

// eventList prints events as TYPE/status/cue for failure messages.
func eventList(evs []schema.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(string(e.Type) + "/" + string(e.Status) + "/" + e.Cue + "; ")
	}
	return b.String()
}

// checkEvents checks the events of ex against want, each "TYPE|status|cue"
// (an empty status or cue matches any, see hasEventLike), and notTypes,
// event types of which ex must hold none.
func checkEvents(t *testing.T, ex *schema.Extraction, want, notTypes []string) {
	t.Helper()
	for _, w := range want {
		parts := strings.SplitN(w, "|", 3)
		if !hasEventLike(ex.Events, parts[0], parts[1], parts[2]) {
			t.Errorf("missing event %s; got %s", w, eventList(ex.Events))
		}
	}
	for _, typ := range notTypes {
		if hasEventLike(ex.Events, typ, "", "") {
			t.Errorf("unexpected %s event; got %s", typ, eventList(ex.Events))
		}
	}
}

// sentenceCase is one text written for a test, with the entries a check
// function looks for (want) and must not find (not) in its extraction.
type sentenceCase struct {
	name, text, date string
	want, not        []string
}

// runCases extracts each case's text as a subtest and hands the result to
// check (checkStatements, checkEvents, checkEntityNames, …).
func runCases(t *testing.T, cases []sentenceCase, check func(*testing.T, *schema.Extraction, []string, []string)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			check(t, run(t, tc.text, tc.date), tc.want, tc.not)
		})
	}
}
