package loader

import (
	"unicode"
	"unicode/utf8"
)

// Stop words that are frequent in one language and rare or absent in the
// other. Words shared by both (a, on, plus, an, or, me) are left out, since
// they would only blur the count. Elided forms (l', d', qu') count as the
// bare letters left when the apostrophe splits the word.
var (
	frenchStopWords = set("le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "dans",
		"pour", "que", "qui", "sur", "pas", "par", "avec", "au", "aux", "ce", "cette", "ces",
		"ses", "sa", "leur", "leurs", "ont", "été", "il", "elle", "ils", "elles", "nous",
		"vous", "mais", "où", "à", "d", "l", "qu", "ne", "se", "selon", "aussi", "entre",
		"très", "sont", "était", "avait", "lors", "après", "depuis", "deux", "en")
	englishStopWords = set("the", "of", "and", "to", "in", "is", "was", "that", "for", "with",
		"as", "by", "at", "from", "it", "this", "be", "are", "have", "has", "had", "were",
		"not", "which", "their", "they", "he", "she", "his", "her", "said", "will", "would",
		"but", "its", "who", "been", "after", "between", "also", "we", "our", "about", "two")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// detectLimit bounds how much text DetectLanguage reads: a few kilobytes
// settle the question, and a long article should not cost more.
const detectLimit = 16 << 10

// DetectLanguage returns "fr" or "en" from the frequency of each language's
// stop words in text, or "" when the text gives no clue (fewer than two stop
// words, or as many of each). Only the first 16 KiB are read.
func DetectLanguage(text string) string {
	if len(text) > detectLimit {
		text = text[:detectLimit]
	}
	var fr, en int
	word := make([]byte, 0, 64)
	count := func() {
		// Stop words are short; longer words need no look-up.
		if len(word) > 0 && len(word) <= 8 {
			if frenchStopWords[string(word)] {
				fr++
			}
			if englishStopWords[string(word)] {
				en++
			}
		}
		word = word[:0]
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				word = append(word, c)
			case 'A' <= c && c <= 'Z':
				word = append(word, c+'a'-'A')
			default:
				count()
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		} else {
			count()
		}
		i += n
	}
	count()
	switch {
	case fr+en < 2 || fr == en:
		return ""
	case fr > en:
		return "fr"
	default:
		return "en"
	}
}

// normalizeLanguage turns a given language tag ("FR", "fr-FR", "en_US",
// "French") into its primary subtag, lower case.
func normalizeLanguage(s string) string {
	b := []byte(s)
	out := b[:0]
	for _, c := range b {
		if c == '-' || c == '_' {
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != ' ' && c != '\t' {
			out = append(out, c)
		}
	}
	switch l := string(out); l {
	case "french", "français", "francais", "fra", "fre":
		return "fr"
	case "english", "anglais", "eng":
		return "en"
	default:
		return l
	}
}
