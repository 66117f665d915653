package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the lexical class of a token.
type kind uint8

const (
	kWord kind = iota
	kNum
	kPunct
	kQuoteOpen
	kQuoteClose
)

// tok is one token of an article's text. s and e are byte offsets into the
// text (e exclusive), so every span the extractor reports is an exact slice.
type tok struct {
	s, e  int
	f     string // folded form: lower case, no accents, ’ as '
	k     kind
	cap   bool // first letter upper case
	upper bool // every letter upper case and more than one letter
	nl    bool // a line break precedes the token
	sent  int  // sentence index
}

// elisions are the French words that end in an apostrophe before a vowel.
var elisions = map[string]bool{"l": true, "d": true, "qu": true, "jusqu": true, "lorsqu": true,
	"puisqu": true, "n": true, "s": true, "c": true, "j": true, "m": true, "t": true, "quoiqu": true}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// tokenize splits text into tokens in one left-to-right pass (linear time):
// words keep inner hyphens (Etats-Unis, a-t-il), French elisions are split
// off (l’Ukraine → l' Ukraine), English possessive 's is its own token, and
// dotted initialisms (U.S.) stay whole. Every other non-space rune is a
// punctuation token; quotes are typed open or close.
func tokenize(text string) []tok {
	toks := make([]tok, 0, len(text)/5+1)
	nl := false
	dq := false // inside a straight double quote
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			nl = true
			dq = false // a straight quote left open does not run into the next paragraph
			i += n
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			t := tok{s: i, e: i + n, k: kPunct, nl: nl}
			switch r {
			case '«', '“':
				t.k, t.f = kQuoteOpen, "\""
			case '»', '”':
				t.k, t.f = kQuoteClose, "\""
			case '"':
				if dq {
					t.k = kQuoteClose
				} else {
					t.k = kQuoteOpen
				}
				dq = !dq
				t.f = "\""
			case '’', '‘', 'ʼ':
				t.f = "'"
			case '–', '—', '‐', '‑':
				t.f = "-"
			default:
				t.f = string(r)
			}
			toks = append(toks, t)
			nl = false
			i += n
			continue
		}
		// a word
		start := i
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if isHyphen(r) && j+n < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[j+n:])
				if isWordRune(r2) {
					j += n
					continue
				}
			}
			if isApos(r) && j+n < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j+n:])
				if unicode.IsLetter(r2) {
					low := strings.ToLower(text[start:j])
					if elisions[low] {
						j += n // keep the apostrophe with the elided word
						break
					}
					if (r2 == 's' || r2 == 'S') && (j+n+n2 >= len(text) || !isWordRune(firstRune(text[j+n+n2:]))) {
						break // possessive: the word ends here
					}
					j += n
					continue
				}
			}
			if r == '.' {
				// U.S. / U.K.: single letters separated by dots
				if j-start == 1 || (j-start >= 3 && text[j-2] == '.') {
					r2, n2 := utf8.DecodeRuneInString(text[j+1:])
					if j+1 < len(text) && unicode.IsUpper(r2) && unicode.IsUpper(firstRune(text[start:])) && j+1+n2 < len(text) && text[j+1+n2] == '.' {
						j += 1 + n2
						continue
					}
					if j-start >= 3 && text[j-2] == '.' {
						j++ // include the final dot of U.S.
						break
					}
				}
			}
			break
		}
		w := text[start:j]
		t := tok{s: start, e: j, f: fold(w), k: kWord, nl: nl}
		fr := firstRune(w)
		t.cap = unicode.IsUpper(fr)
		if unicode.IsDigit(fr) {
			t.k = kNum
		}
		t.upper = t.cap && utf8.RuneCountInString(w) > 1 && isAllUpper(w)
		toks = append(toks, t)
		nl = false
		// possessive 's
		if j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isApos(r) && j+n < len(text) && (text[j+n] == 's' || text[j+n] == 'S') {
				if j+n+1 >= len(text) || !isWordRune(firstRune(text[j+n+1:])) {
					toks = append(toks, tok{s: j, e: j + n + 1, f: "'s", k: kWord})
					j += n + 1
				}
			}
		}
		i = j
	}
	return toks
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// fold lower-cases a word, strips the accents of Latin letters and writes
// typographic apostrophes as '. It is the key of every lexicon look-up.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if s, ok := foldMap[r]; ok {
			b.WriteString(s)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var foldMap = func() map[rune]string {
	m := map[rune]string{'’': "'", '‘': "'", 'ʼ': "'", 'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
		'‐': "-", '‑': "-"}
	groups := map[string]string{
		"a": "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "c": "çćčĉÇĆČĈ", "e": "èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "i": "ìíîïīĭįıÌÍÎÏĪĬĮİ",
		"o": "òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "u": "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "y": "ýÿŷÝŸŶ", "n": "ñńňÑŃŇ",
		"s": "śšşŚŠŞ", "z": "źżžŹŻŽ", "l": "łĺľŁĹĽ", "r": "řŕŘŔ", "t": "ťţŤŢ", "d": "ďđĎĐ", "g": "ğĞ",
	}
	for to, from := range groups {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// abbreviations end in a dot that does not end a sentence.
var abbreviations = map[string]bool{"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "dr": true,
	"jr": true, "sr": true, "mr": true, "mrs": true, "ms": true, "st": true, "prof": true, "gen": true,
	"gén": true, "col": true, "lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true,
	"etc": false, "no": true, "vs": true, "art": true, "p": true, "av": true, "env": true, "cf": true,
	"min": true, "adm": true, "amb": true, "mgr": true, "hon": true}

// maxSentence is the most tokens a sentence may hold.
const maxSentence = 400

// splitSentences assigns each token its sentence index and returns the
// token ranges of the sentences. A sentence ends at . ! ? … (closing quotes
// and brackets that follow stay with it) before a capital, a quote or a
// line break, or at a line break; abbreviations and initials do not end one.
func splitSentences(text string, toks []tok) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		// a line break ends a sentence; so does sheer length, which keeps
		// every per-sentence rule linear on text without punctuation
		if i > start && (toks[i].nl || i-start >= maxSentence || i-start >= maxSentence/2 && toks[i-1].f == ",") {
			out = append(out, [2]int{start, i})
			start = i
		}
		t := toks[i]
		if t.k != kPunct || !(t.f == "." || t.f == "!" || t.f == "?" || t.f == "…") {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j].nl && (toks[j].k == kQuoteClose || toks[j].f == ")" || toks[j].f == "]" ||
			(toks[j].k == kPunct && (toks[j].f == "." || toks[j].f == "!" || toks[j].f == "?"))) {
			j++
		}
		if j >= len(toks) {
			break
		}
		if t.f == "." && i > 0 && toks[i-1].k == kWord && toks[i-1].e == t.s {
			p := toks[i-1]
			if abbreviations[p.f] || (utf8.RuneCountInString(p.f) == 1 && p.cap) {
				continue
			}
		}
		next := toks[j]
		if next.s == toks[j-1].e && !next.nl && next.k != kQuoteOpen {
			continue // 7.06.21, example.com
		}
		if next.nl || next.cap || next.k == kQuoteOpen || next.k == kNum || next.k == kPunct {
			out = append(out, [2]int{start, j})
			start = j
			i = j - 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	for si, r := range out {
		for k := r[0]; k < r[1]; k++ {
			toks[k].sent = si
		}
	}
	return out
}
