package extract

import "strings"

// A small inflector, so that the lexicon lists a verb once ("souligner",
// "emphasize") and a demonym once ("américain") and matching sees every
// form an article may use. It covers the regular French -er and -ir (finir)
// conjugations in the tenses news prose uses, the adjective endings of
// French demonyms, and regular English verbs; irregular forms are listed in
// the lexicon itself.

// frVerbForms returns the forms of a regular French verb: infinitive,
// present, imperfect, simple past, future, conditional, participles.
func frVerbForms(inf string) []string {
	inf = strings.ToLower(inf)
	switch {
	case strings.HasSuffix(inf, "er"):
		st := inf[:len(inf)-2]
		soft := st // before a or o: mangeons, commençons
		if strings.HasSuffix(st, "g") {
			soft = st + "e"
		} else if strings.HasSuffix(st, "c") {
			soft = st[:len(st)-1] + "ç"
		}
		forms := []string{inf, st + "e", st + "es", st + "ent", soft + "ons", st + "ez",
			st + "é", st + "ée", st + "és", st + "ées",
			soft + "ait", soft + "ais", soft + "aient", st + "ions", st + "iez",
			soft + "a", soft + "èrent", st + "èrent", soft + "âmes",
			st + "era", st + "eront", st + "erons", st + "erai",
			st + "erait", st + "eraient", st + "erions",
			soft + "ant"}
		// stem vowel changes: réitérer → réitère, appeler → appelle, lever → lève
		if alt := frStemAlt(st); alt != "" {
			forms = append(forms, alt+"e", alt+"es", alt+"ent", alt+"era", alt+"eront", alt+"erait", alt+"eraient")
		}
		return forms
	case strings.HasSuffix(inf, "ir"):
		st := inf[:len(inf)-2]
		return []string{inf, st + "it", st + "is", st + "issent", st + "issons", st + "i", st + "ie",
			st + "ies", st + "issait", st + "issaient", st + "irent", st + "ira", st + "iront",
			st + "irait", st + "iraient", st + "issant"}
	}
	return []string{inf}
}

// frStemAlt returns the stem of the forms with a stressed last syllable,
// or "" when the verb has none.
func frStemAlt(st string) string {
	rs := []rune(st)
	n := len(rs)
	if n < 2 {
		return ""
	}
	// last vowel position
	k := n - 1
	for k >= 0 && !strings.ContainsRune("aeiouyéèê", rs[k]) {
		k--
	}
	if k < 0 || k == n-1 {
		return ""
	}
	switch rs[k] {
	case 'é':
		rs[k] = 'è'
		return string(rs)
	case 'e':
		if st == "appel" || st == "rappel" || strings.HasSuffix(st, "jet") || strings.HasSuffix(st, "ppel") {
			return st + string(rs[n-1]) // appelle, rejette
		}
		if k == n-2 {
			rs[k] = 'è'
			return string(rs)
		}
	}
	return ""
}

// frAdjForms returns the four forms of a French adjective (demonym) from
// its masculine singular: russe/russes, américain/américaine/américains/
// américaines, ukrainien/ukrainienne…, français/française….
func frAdjForms(m string) []string {
	switch {
	case strings.HasSuffix(m, "e"):
		return []string{m, m + "s"}
	case strings.HasSuffix(m, "ien"), strings.HasSuffix(m, "éen"), strings.HasSuffix(m, "en"):
		return []string{m, m + "s", m + "ne", m + "nes"}
	case strings.HasSuffix(m, "s"), strings.HasSuffix(m, "x"):
		return []string{m, m + "e", m + "es"}
	case strings.HasSuffix(m, "al"):
		st := m[:len(m)-2]
		return []string{m, st + "aux", m + "e", m + "es"}
	case strings.HasSuffix(m, "c"): // turc → turque
		return []string{m, m + "s", m[:len(m)-1] + "que", m[:len(m)-1] + "ques"}
	}
	return []string{m, m + "s", m + "e", m + "es"}
}

// enVerbForms returns the regular forms of an English verb, or of a phrasal
// verb whose first word is the verb ("call on" → calls on, called on…).
func enVerbForms(base string) []string {
	head, rest, _ := strings.Cut(base, " ")
	if rest != "" {
		rest = " " + rest
	}
	var out []string
	for _, h := range enWordForms(head) {
		out = append(out, h+rest)
	}
	return out
}

func enWordForms(v string) []string {
	n := len(v)
	switch {
	case n > 1 && strings.HasSuffix(v, "e"):
		return []string{v, v + "s", v + "d", v[:n-1] + "ing"}
	case n > 1 && strings.HasSuffix(v, "y") && !strings.ContainsRune("aeiou", rune(v[n-2])):
		return []string{v, v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"):
		return []string{v, v + "es", v + "ed", v + "ing"}
	}
	forms := []string{v, v + "s", v + "ed", v + "ing"}
	// doubling: regret → regretted, commit → committed
	if n >= 3 && !strings.ContainsRune("aeiouwxy", rune(v[n-1])) && strings.ContainsRune("aeiou", rune(v[n-2])) &&
		!strings.ContainsRune("aeiou", rune(v[n-3])) {
		c := v[n-1 : n]
		forms = append(forms, v+c+"ed", v+c+"ing")
	}
	return forms
}

// frPhraseForms conjugates the first word of a French phrase cue
// ("faire part" is handled by listed forms; "mettre en garde" likewise).
func frPhraseForms(phrase string) []string {
	head, rest, _ := strings.Cut(phrase, " ")
	if rest != "" {
		rest = " " + rest
	}
	var out []string
	for _, h := range frVerbForms(head) {
		out = append(out, h+rest)
	}
	return out
}
