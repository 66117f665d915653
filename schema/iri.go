package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Resource IRIs are deterministic: the same input always names the same
// node, so loading an article twice writes the same quads and changes nothing.

// Fold lower-cases s, strips accents and typographic quotes and collapses
// spaces and punctuation to single spaces. It is the key used for
// case- and accent-insensitive name matching everywhere.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Slug is Fold with spaces replaced by hyphens, for use in IRIs.
func Slug(s string) string {
	return strings.ReplaceAll(Fold(s), " ", "-")
}

// Hash returns the hex sha256 of s.
func Hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// EntityIRI names an entity from its type and canonical name.
func EntityIRI(t EntityType, name string) string {
	return IDBase + strings.ToLower(string(t)) + "/" + Slug(name)
}

// ArticleIRI names an article from the hash of its text.
func ArticleIRI(textHash string) string {
	if len(textHash) > 24 {
		textHash = textHash[:24]
	}
	return IDBase + "article/" + textHash
}

// StatementIRI names a statement from its article, evidence span and speaker
// (a joint statement is one statement per speaker).
func StatementIRI(article string, ev Span, speaker string) string {
	return IDBase + "statement/" + lastSegment(article) + "-" + strconv.Itoa(ev.Start) + "-" +
		strconv.Itoa(ev.End) + "-" + Hash(speaker)[:8]
}

// EventIRI names a happening from its type, participants (order-free), and
// date, so that two articles' accounts of the same call meet on one node.
// Events without a date are scoped to their article: "a summit" in two
// unrelated articles is not assumed to be the same summit.
func EventIRI(t EventType, participants []string, date, article string, ev Span) string {
	ps := slices.Clone(participants)
	slices.Sort(ps)
	key := string(t) + "|" + strings.Join(ps, ",") + "|" + date
	if date == "" || len(ps) == 0 {
		key += "|" + article + "|" + strconv.Itoa(ev.Start)
	}
	return IDBase + "event/" + strings.ToLower(string(t)) + "-" + Hash(key)[:16]
}

// AccountIRI names one article's account of an event.
func AccountIRI(article string, ev Span) string {
	return IDBase + "account/" + lastSegment(article) + "-" + strconv.Itoa(ev.Start) + "-" + strconv.Itoa(ev.End)
}

// RoleIRI names a person's role in an organization or state.
func RoleIRI(person, role, of string) string {
	return IDBase + "role/" + Hash(person + "|" + role + "|" + of)[:16]
}

func lastSegment(iri string) string {
	if i := strings.LastIndexByte(iri, '/'); i >= 0 {
		return iri[i+1:]
	}
	return iri
}
