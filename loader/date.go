package loader

import (
	"strings"
	"time"
)

// NormalizeDate returns s as YYYY, YYYY-MM or YYYY-MM-DD, and false when s
// is not a valid date in one of those forms. A full timestamp
// ("2021-04-13T09:30:00Z", "2021-04-13 09:30") is cut to its day, as
// published_time metadata usually carries one.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
		s = s[:10]
	}
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && !(c == '-' && (i == 4 || i == 7)) {
			return "", false
		}
	}
	if _, err := time.Parse(layout, s); err != nil {
		return "", false
	}
	return s, true
}

// looseDateLayouts are the date forms accepted in HTML metadata, where pages
// in the wild use many; a date that fits none is dropped rather than
// rejected, since the page text is still worth reading.
var looseDateLayouts = []string{
	time.RFC3339, time.RFC1123, time.RFC1123Z, time.RFC822, time.RFC822Z,
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "02/01/2006", "2006/01/02",
}

// looseDate is NormalizeDate with a few more layouts, for HTML metadata.
func looseDate(s string) string {
	if d, ok := NormalizeDate(s); ok {
		return d
	}
	s = strings.TrimSpace(s)
	for _, l := range looseDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}
