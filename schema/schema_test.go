package schema

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"États-Unis", "etats unis"},
		{"  Le Kremlin ", "le kremlin"},
		{"l’Ukraine", "l ukraine"},
		{"Jean-Yves LE DRIAN", "jean yves le drian"},
		{"U.S.", "u s"},
		{"", ""},
		{"«»—", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIRIsAreDeterministicAndAbsolute(t *testing.T) {
	a := EntityIRI(TypePerson, "Vladimir Poutine")
	if a != EntityIRI(TypePerson, "vladimir  POUTINE") {
		t.Errorf("entity IRI depends on case or spacing: %s", a)
	}
	if a == EntityIRI(TypeOrganization, "Vladimir Poutine") {
		t.Error("entity IRI ignores the type")
	}
	art := ArticleIRI(Hash("some text"))
	ev := Span{Start: 10, End: 20}
	ids := []string{a, art, StatementIRI(art, ev, a), AccountIRI(art, ev), RoleIRI(a, "president", "x"),
		EventIRI(EventPhoneCall, []string{"b", "a"}, "2021-04-13", art, ev)}
	for _, id := range ids {
		if !strings.HasPrefix(id, IDBase) || strings.ContainsAny(id, " <>\"{}|\\^`") {
			t.Errorf("IRI %q is not an absolute IRI under %s", id, IDBase)
		}
	}
	if EventIRI(EventPhoneCall, []string{"a", "b"}, "2021-04-13", "x", ev) != EventIRI(EventPhoneCall, []string{"b", "a"}, "2021-04-13", "y", Span{}) {
		t.Error("a dated event with participants should not depend on the article or participant order")
	}
	if EventIRI(EventSummit, nil, "", "x", ev) == EventIRI(EventSummit, nil, "", "y", ev) {
		t.Error("an undated event without participants should be scoped to its article")
	}
}

func TestClassRoundTrip(t *testing.T) {
	for _, typ := range EntityTypes {
		back, ok := TypeOfClass(ClassOf(typ))
		if !ok || back != typ {
			t.Errorf("TypeOfClass(ClassOf(%s)) = %s, %v", typ, back, ok)
		}
	}
	if _, ok := TypeOfClass(ClassStatement); ok {
		t.Error("Statement is not an entity class")
	}
}

func TestErrorCode(t *testing.T) {
	base := Errorf(CodeNotFound, "no entity %s", "x")
	wrapped := fmt.Errorf("resolve: %w", base)
	if ErrorCode(wrapped) != CodeNotFound || !errors.Is(wrapped, base) {
		t.Errorf("code lost through wrapping: %v", ErrorCode(wrapped))
	}
	if ErrorCode(errors.New("boom")) != CodeInternal {
		t.Error("a plain error should be INTERNAL")
	}
}
