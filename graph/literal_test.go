package graph

import (
	"math"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/schema"
)

func TestLiterals(t *testing.T) {
	typed := func(v, dt string) quad.Value { return quad.TypedString{Value: quad.String(v), Type: quad.IRI(dt)} }
	tests := []struct {
		name string
		got  quad.Value
		want quad.Value
	}{
		{"day", date("2021-04-02"), typed("2021-04-02", schema.XSDDate)},
		{"month", date("2021-04"), typed("2021-04", schema.XSDGYearMonth)},
		{"year", date("2021"), typed("2021", schema.XSDGYear)},
		{"impossible month stays a string", date("2021-13"), quad.String("2021-13")},
		{"free text stays a string", date("spring 2021"), quad.String("spring 2021")},
		{"integer", integer(-42), typed("-42", schema.XSDInteger)},
		{"double", double(0.25), typed("0.25", schema.XSDDouble)},
		{"large double", double(1e21), typed("1e+21", schema.XSDDouble)},
		{"NaN", double(math.NaN()), typed("NaN", schema.XSDDouble)},
		{"infinity is dropped", double(math.Inf(1)), nil},
		{"strict Int", strict(quad.Int(7)), typed("7", schema.XSDInteger)},
		{"strict Float", strict(quad.Float(0.5)), typed("0.5", schema.XSDDouble)},
		{"strict Bool", strict(quad.Bool(true)), typed("true", schema.XSD+"boolean")},
		{"strict Time", strict(quad.Time(time.Date(2021, 4, 2, 10, 0, 0, 0, time.UTC))), typed("2021-04-02T10:00:00Z", schema.XSD+"dateTime")},
		{"strict leaves strings", strict(quad.String("x")), quad.String("x")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %#v, want %#v", tc.got, tc.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		v    quad.Value
		want string
	}{
		{nil, ""},
		{quad.IRI("https://x.example/a"), "https://x.example/a"},
		{quad.String("plain"), "plain"},
		{quad.TypedString{Value: "12", Type: quad.IRI(schema.XSDInteger)}, "12"},
		{quad.LangString{Value: "bonjour", Lang: "fr"}, "bonjour"},
		{quad.BNode("b1"), "_:b1"},
		{quad.Int(3), "3"},
	}
	for _, tc := range tests {
		if got := text(tc.v); got != tc.want {
			t.Errorf("text(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestInRange(t *testing.T) {
	tests := []struct {
		d, from, to string
		want        bool
	}{
		{"2021-04-02", "", "", true},
		{"", "", "", true},
		{"", "2021", "", false},
		{"2021-04-02", "2021-04", "2021-04", true},
		{"2021", "2021-04", "", true},
		{"2021-05-01", "", "2021-04", false},
		{"2021-03-31", "2021-04-01", "", false},
		{"2020-12", "2021", "2022", false},
	}
	for _, tc := range tests {
		if got := inRange(tc.d, tc.from, tc.to); got != tc.want {
			t.Errorf("inRange(%q, %q, %q) = %v, want %v", tc.d, tc.from, tc.to, got, tc.want)
		}
	}
}
