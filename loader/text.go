package loader

import (
	"strings"
	"unicode"

	"github.com/newsgraph/kg/schema"
)

// titleMaxBytes bounds the first line taken as a title: a headline is short,
// a first paragraph is not.
const titleMaxBytes = 200

// headerKeys are the keys a plain-text header line may use.
var headerKeys = map[string]bool{
	"date": true, "source": true, "title": true, "lang": true, "language": true, "url": true,
}

// headerField is one header line as found: its key, its value and its line
// number, for messages.
type headerField struct {
	key, value string
	line       int
}

// readText reads a plain-text article. data is the whole file, already
// checked by checkBytes. Text is a byte-exact slice of data, so evidence
// offsets (Offset + index in Text) are byte offsets into the file.
func readText(name string, data []byte) (*schema.Article, error) {
	s := string(data)
	pos := 0
	if strings.HasPrefix(s, string(utf8BOM)) {
		pos = len(utf8BOM)
	}
	a := &schema.Article{Path: name}
	fields, start, err := parseHeader(name, s, pos)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		switch f.key {
		case "date":
			d, ok := NormalizeDate(f.value)
			if !ok {
				return nil, invalid(name, f.line, "date %q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", f.value)
			}
			a.Date = d
		case "source":
			a.Source = f.value
		case "title":
			a.Title = f.value
		case "lang", "language":
			a.Language = normalizeLanguage(f.value)
		case "url":
			a.URL = f.value
		}
	}
	text := s[start:]
	trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
	a.Offset = start + len(text) - len(trimmed)
	a.Text = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	if a.Text == "" {
		if len(fields) > 0 {
			return nil, invalid(name, 0, "no article text after the header")
		}
		return nil, invalid(name, 0, "empty file")
	}
	if a.Title == "" {
		a.Title = headline(a.Text)
	}
	if a.URL == "" {
		a.URL = firstURL(a.Source)
	}
	return finish(a), nil
}

// parseHeader finds the header at s[pos:] and returns its fields and the
// offset where the text starts (pos when there is no header).
//
// A header is a run of "key value" lines ended by a blank line. A run that
// ends on a text line instead is a header only when it holds a valid date
// (a file that starts "date 2021-04-13" then the headline). A first line
// "date YYYY[-MM[-DD]] more words…" is the inline form: the text starts at
// the first word after the date.
func parseHeader(name, s string, pos int) ([]headerField, int, error) {
	var fields []headerField
	for i, line := pos, 1; i < len(s); line++ {
		end := strings.IndexByte(s[i:], '\n')
		next := len(s)
		if end >= 0 {
			end += i
			next = end + 1
		} else {
			end = len(s)
		}
		l := strings.TrimRight(s[i:end], "\r")
		if strings.TrimSpace(l) == "" {
			if len(fields) == 0 {
				return nil, pos, nil
			}
			return fields, next, nil
		}
		key, vstart, ok := headerLine(l)
		if !ok {
			break
		}
		value := strings.TrimSpace(l[vstart:])
		if len(fields) == 0 && key == "date" {
			if sp := strings.IndexFunc(value, unicode.IsSpace); sp > 0 && startsWithDigit(value) &&
				strings.ContainsFunc(strings.TrimSpace(value[sp:]), unicode.IsSpace) {
				tok := value[:sp]
				d, valid := NormalizeDate(tok)
				if !valid {
					return nil, pos, invalid(name, line, "inline date %q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", tok)
				}
				// Text starts after the date token and the spaces that follow it.
				at := i + vstart + strings.Index(l[vstart:], tok) + len(tok)
				return []headerField{{key: "date", value: d, line: line}}, at, nil
			}
		}
		fields = append(fields, headerField{key: key, value: value, line: line})
		i = next
	}
	// The run of header lines did not end with a blank line.
	for _, f := range fields {
		if _, ok := NormalizeDate(f.value); ok && f.key == "date" {
			return fields, skipLine(s, fields, pos), nil
		}
	}
	return nil, pos, nil
}

// skipLine returns the offset just after the len(fields) lines from pos.
func skipLine(s string, fields []headerField, pos int) int {
	for range fields {
		end := strings.IndexByte(s[pos:], '\n')
		if end < 0 {
			return len(s)
		}
		pos += end + 1
	}
	return pos
}

// headerLine splits a header line into its key (lower case) and the offset
// of its value. Keys are "key value" in lower case, or "Key: value" in any
// case; leading spaces are allowed, as in the client's samples.
func headerLine(l string) (key string, vstart int, ok bool) {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	j := i
	for j < len(l) && (l[j] >= 'a' && l[j] <= 'z' || l[j] >= 'A' && l[j] <= 'Z') {
		j++
	}
	if j == i || j == len(l) {
		return "", 0, false
	}
	key = l[i:j]
	switch {
	case l[j] == ':':
		key = strings.ToLower(key)
		j++
	case l[j] == ' ' || l[j] == '\t':
		if key != strings.ToLower(key) {
			return "", 0, false
		}
	default:
		return "", 0, false
	}
	if !headerKeys[key] || strings.TrimSpace(l[j:]) == "" {
		return "", 0, false
	}
	for j < len(l) && (l[j] == ' ' || l[j] == '\t') {
		j++
	}
	return key, j, true
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// headline returns the first line of text when it reads as a title: short,
// followed by more text, and not ending like a sentence. A Markdown heading
// mark ("# ") is dropped.
func headline(text string) string {
	line, rest, ok := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "#") {
		line = strings.TrimSpace(strings.TrimLeft(line, "#"))
	}
	if !ok || strings.TrimSpace(rest) == "" || line == "" || len(line) >= titleMaxBytes {
		return ""
	}
	if strings.HasSuffix(line, "…") || strings.ContainsRune(".!?;,:", rune(line[len(line)-1])) {
		return ""
	}
	return line
}

// firstURL returns the first http(s) URL in s, so that a source line such as
// "Kremlin website http://…" gives the article its URL.
func firstURL(s string) string {
	i := strings.Index(s, "http://")
	if j := strings.Index(s, "https://"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return ""
	}
	u := s[i:]
	if end := strings.IndexFunc(u, func(r rune) bool { return unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' }); end >= 0 {
		u = u[:end]
	}
	return strings.TrimRight(u, ".,;)")
}
