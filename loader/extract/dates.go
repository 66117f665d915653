package extract

import (
	"fmt"
	"strconv"
	"time"

	"github.com/newsgraph/kg/schema"
)

var weekdays = map[string]time.Weekday{"lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday,
	"jeudi": time.Thursday, "vendredi": time.Friday, "samedi": time.Saturday, "dimanche": time.Sunday,
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday}

var months = map[string]int{"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "january": 1, "february": 2,
	"march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10,
	"november": 11, "december": 12}

// eventDate resolves the date words of the sentence against the article
// date: a weekday is the one on or before a day-precise article date (after
// it for a planned event), "today" the article date, "7 juin" that day of
// the article's year, "en avril" that month (of the year before when it
// lies after the article's month). Without a day-precise article date a
// weekday keeps the article's month precision.
func (d *doc) eventDate(tr match, s [2]int, status schema.EventStatus) string {
	best, bestDist := "", 1<<30
	for i := max(s[0], tr.a-25); i < min(s[1], tr.b+25); i++ {
		dist := i - tr.a
		if dist < 0 {
			dist = -dist
		}
		if dist >= bestDist {
			continue
		}
		if v := d.dateAt(i, s, status); v != "" {
			best, bestDist = v, dist
		}
	}
	return best
}

func (d *doc) dateAt(i int, s [2]int, status schema.EventStatus) string {
	f := d.f(i)
	if d.year == 0 && d.toks[i].k != kNum {
		return ""
	}
	base := time.Date(d.year, time.Month(max(d.month, 1)), max(d.day, 1), 12, 0, 0, 0, time.UTC)
	switch f {
	case "aujourd'hui", "today":
		return d.a.Date
	case "hier", "yesterday":
		if d.day > 0 {
			return base.AddDate(0, 0, -1).Format("2006-01-02")
		}
		return d.a.Date
	}
	// "adoptés en 2015", "signed in 2014"
	if n, err := strconv.Atoi(f); err == nil && n > 1900 && n < 2200 && len(f) == 4 {
		switch d.f(i - 1) {
		case "en", "in", "of", "de", "since", "depuis", "year", "annee":
			return f
		}
		return ""
	}
	if wd, ok := weekdays[f]; ok {
		// "lundi 7 juin"
		if n, err := strconv.Atoi(d.f(i + 1)); err == nil && n >= 1 && n <= 31 {
			if mo, ok := months[d.f(i+2)]; ok {
				return fmt.Sprintf("%04d-%02d-%02d", d.year, mo, n)
			}
		}
		if d.day == 0 {
			if d.month > 0 {
				return fmt.Sprintf("%04d-%02d", d.year, d.month)
			}
			return d.a.Date
		}
		if status == schema.StatusPlanned || status == schema.StatusProposed {
			delta := (int(wd) - int(base.Weekday()) + 7) % 7
			if delta == 0 {
				delta = 7
			}
			return base.AddDate(0, 0, delta).Format("2006-01-02")
		}
		delta := (int(base.Weekday()) - int(wd) + 7) % 7
		return base.AddDate(0, 0, -delta).Format("2006-01-02")
	}
	if mo, ok := months[f]; ok {
		y := d.year
		if d.month > 0 && mo > d.month && status == schema.StatusOccurred {
			y--
		} else if d.month > 0 && mo < d.month && (status == schema.StatusPlanned || status == schema.StatusProposed) {
			y++
		}
		if f == "mai" || f == "may" || f == "mars" || f == "march" {
			// may/mars are also common words: need a number or a preposition
			if _, err := strconv.Atoi(d.f(i - 1)); err != nil && d.f(i-1) != "en" && d.f(i-1) != "in" {
				return ""
			}
		}
		if n, err := strconv.Atoi(d.f(i - 1)); err == nil && n >= 1 && n <= 31 {
			return fmt.Sprintf("%04d-%02d-%02d", y, mo, n)
		}
		if n, err := strconv.Atoi(d.f(i + 1)); err == nil && n >= 1 && n <= 31 {
			return fmt.Sprintf("%04d-%02d-%02d", y, mo, n)
		}
		if n, err := strconv.Atoi(d.f(i + 1)); err == nil && n > 1900 && n < 2200 {
			y = n
		}
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	return ""
}
