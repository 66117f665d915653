package extract

import (
	"strconv"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// doc is one article being read: its tokens, the lexicon layers matched
// over them, the mentions and entities found, and the facts gathered.
type doc struct {
	m     *model
	a     *schema.Article
	text  string
	toks  []tok
	sents [][2]int
	lang  uint8
	year  int
	month int
	day   int

	wfwd  [][]span2 // per token: word classes starting here (class, end)
	wback [][]span2 // per token: word classes ending here (class, start)
	ent   []match   // entity layer (names, demonyms, capitals, groups)
	title []match
	cue   []match
	trig  []match

	ments   []*mention
	mAt     []*mention // outermost mention covering each token
	ents    map[string]*ent
	order   []*ent
	surname map[string]*ent

	roles      []schema.Role
	roleSeen   map[string]bool
	statements []schema.Statement
	events     []schema.Event

	// discourse state for coreference
	lastSubj     []*ent
	lastPerson   *ent
	sentPerson   *ent // the person subject already read in the current sentence
	sentBody     *ent // the organization subject already read in the current sentence ("le ministère a regretté …, dont il rejette")
	lastGroup    []*ent
	lastSource   *ent
	signers      []*ent
	communique   bool
	speaker      *ent // the speaker of a transcript turn
	turnOf       []*ent
	lastSaid     []*ent // the speakers of the latest statement, and its sentence
	lastSaidSent int
	inQuote      []bool
	titleSent    int // sentence index of the headline, or -1
}

// span2 is a word-class hit: class and the other end of the phrase.
type span2 struct{ c, end int }

// ent is an entity of this article.
type ent struct {
	id      string
	name    string
	typ     schema.EntityType
	lex     *LexEntity
	aliases []string
	seen    map[string]bool
	sameAs  []string
	gender  byte
	count   int
	first   int
	roles   []entRole
}

type entRole struct {
	role string
	of   *ent
}

func newDoc(m *model, a *schema.Article) *doc {
	d := &doc{m: m, a: a, text: a.Text, ents: map[string]*ent{}, surname: map[string]*ent{},
		roleSeen: map[string]bool{}, titleSent: -1}
	d.year, d.month, d.day = parseDate(a.Date)
	return d
}

// parseDate splits YYYY[-MM[-DD]]; missing parts are 0.
func parseDate(s string) (y, m, dd int) {
	parts := strings.Split(s, "-")
	if len(parts) > 0 {
		y, _ = strconv.Atoi(parts[0])
	}
	if len(parts) > 1 {
		m, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 {
		dd, _ = strconv.Atoi(parts[2])
	}
	return
}

func (d *doc) run() {
	d.toks = tokenize(d.text)
	d.sents = splitSentences(d.text, d.toks)
	d.lang = d.detectLang()
	d.matchLayers()
	d.findHeadline()
	d.findMentions()
	d.findCommunique()
	d.addLexiconRoles()
	d.readSentences()
}

var frMarks = map[string]bool{"le": true, "la": true, "les": true, "des": true, "est": true, "et": true,
	"une": true, "du": true, "que": true, "qui": true, "dans": true, "pour": true, "avec": true, "sur": true}
var enMarks = map[string]bool{"the": true, "and": true, "of": true, "to": true, "is": true, "that": true,
	"with": true, "was": true, "for": true, "on": true, "in": true, "said": true, "has": true}

func (d *doc) detectLang() uint8 {
	switch strings.ToLower(d.a.Language) {
	case "fr", "fra", "fre", "french":
		return langFR
	case "en", "eng", "english":
		return langEN
	}
	fr, en := 0, 0
	for i, t := range d.toks {
		if i > 5000 {
			break
		}
		if frMarks[t.f] {
			fr++
		}
		if enMarks[t.f] {
			en++
		}
	}
	if fr > en {
		return langFR
	}
	if fr == en && strings.ContainsAny(d.text[:min(len(d.text), 2000)], "éèêàçù«»") {
		return langFR // a short text without function words: its accents and guillemets tell
	}
	return langEN
}

// matchLayers runs the trie once from every token and keeps, per layer,
// the greedy longest matches, plus every word-class phrase.
func (d *doc) matchLayers() {
	n := len(d.toks)
	d.wfwd = make([][]span2, n)
	d.wback = make([][]span2, n)
	d.mAt = make([]*mention, n)
	var endEnt, endTitle, endCue, endTrig int
	for i := 0; i < n; i++ {
		var best [4]match
		for k := range best {
			best[k].b = -1
		}
		d.m.trie.walk(d.toks, i, func(end int, vals []payload) {
			for _, p := range vals {
				if p.lang != langAny && p.lang != d.lang {
					continue
				}
				if !caseOK(d.toks, i, p.rule) {
					continue
				}
				layer := -1
				switch p.kind {
				case pEntity, pDemonym, pCapital, pGroup:
					layer = 0
				case pTitle, pTitlePlural:
					layer = 1
				case pVerb, pNoun, pPhrase:
					layer = 2
				case pTrigger:
					layer = 3
				case pWord:
					raw := d.text[d.toks[i].s:d.toks[i].e]
					if p.idx == wAux && (raw == "à" || raw == "À") || (p.idx == wPrep || p.idx == wLoc || p.idx == wDative) && (raw == "a" || raw == "A") ||
						p.idx == wIndef && d.toks[i].f == "a" && (raw != "a" && raw != "A" || d.lang == langFR) ||
						p.idx == wDet && d.lang == langFR && (raw == "a" || raw == "A") ||
						p.idx == wAux && d.lang == langEN && (raw == "a" || raw == "A" || raw == "est") {
						continue // the fold of à is a
					}
					d.wfwd[i] = append(d.wfwd[i], span2{int(p.idx), end})
					d.wback[end-1] = append(d.wback[end-1], span2{int(p.idx), i})
				}
				if layer < 0 {
					continue
				}
				if end > best[layer].b || end == best[layer].b && d.m.better(p, best[layer].p) {
					best[layer] = match{a: i, b: end, p: p}
				}
			}
		})
		if best[0].b > 0 && i >= endEnt {
			d.ent = append(d.ent, best[0])
			endEnt = best[0].b
		}
		if best[1].b > 0 && i >= endTitle {
			d.title = append(d.title, best[1])
			endTitle = best[1].b
		}
		if best[2].b > 0 && i >= endCue {
			d.cue = append(d.cue, best[2])
			endCue = best[2].b
		}
		if best[3].b > 0 && i >= endTrig {
			d.trig = append(d.trig, best[3])
			endTrig = best[3].b
		}
	}
}

// better prefers an analyst's curated alias, then names over demonyms over
// capitals over groups, when one form stands for several things.
func (m *model) better(p, q payload) bool {
	if p.kind == pEntity && q.kind != pEntity || p.kind == pEntity && q.kind == pEntity {
		pc := m.ents[p.idx].curated
		qc := q.kind == pEntity && m.ents[q.idx].curated
		if pc != qc {
			return pc
		}
	}
	rank := func(k uint8) int {
		switch k {
		case pEntity:
			return 0
		case pDemonym:
			return 1
		case pCapital:
			return 2
		case pVerb:
			return 0
		case pTitle:
			return 0
		}
		return 3
	}
	return rank(p.kind) < rank(q.kind)
}

// is reports whether a phrase of class c starts at token i.
func (d *doc) is(i, c int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	for _, h := range d.wfwd[i] {
		if h.c == c {
			return true
		}
	}
	return false
}

// phraseEnd returns the end of the longest phrase of class c starting at i, or -1.
func (d *doc) phraseEnd(i, c int) int {
	e := -1
	if i < 0 || i >= len(d.toks) {
		return e
	}
	for _, h := range d.wfwd[i] {
		if h.c == c && h.end > e {
			e = h.end
		}
	}
	return e
}

// phraseStart returns the start of the longest phrase of class c ending at
// token j (inclusive), or -1.
func (d *doc) phraseStart(j, c int) int {
	s := -1
	if j < 0 || j >= len(d.toks) {
		return s
	}
	for _, h := range d.wback[j] {
		if h.c == c && (s < 0 || h.end < s) {
			s = h.end
		}
	}
	return s
}

func (d *doc) f(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].f
}

func (d *doc) surface(a, b int) string {
	if a >= b || a < 0 || b > len(d.toks) {
		return ""
	}
	return d.text[d.toks[a].s:d.toks[b-1].e]
}

func (d *doc) sentOf(i int) [2]int { return d.sents[d.toks[i].sent] }

// span builds evidence for tokens [a,b): byte offsets into the file, the
// exact text and the sentence.
func (d *doc) span(a, b int) schema.Span {
	s, e := d.toks[a].s, d.toks[b-1].e
	sr := d.sentOf(a)
	return schema.Span{Start: d.a.Offset + s, End: d.a.Offset + e, Text: d.text[s:e],
		Sentence: strings.TrimSpace(d.text[d.toks[sr[0]].s:d.toks[sr[1]-1].e])}
}

// entity returns the article's entity of that type and name, creating it.
func (d *doc) entity(name string, typ schema.EntityType, lex *LexEntity) *ent {
	id := schema.EntityIRI(typ, name)
	if e, ok := d.ents[id]; ok {
		return e
	}
	e := &ent{id: id, name: name, typ: typ, lex: lex, seen: map[string]bool{}, first: -1}
	if lex != nil {
		e.sameAs = lex.SameAs
		if lex.Gender != "" {
			e.gender = lex.Gender[0]
		}
	}
	d.ents[id] = e
	d.order = append(d.order, e)
	return e
}

func (d *doc) lexEntity(i int) *ent {
	le := &d.m.ents[i]
	return d.entity(le.Name, le.Type, le)
}

// lexByName returns the article entity for a lexicon entity named name (any type).
func (d *doc) lexByName(name string) *ent {
	for _, t := range schema.EntityTypes {
		if i, ok := d.m.entByName[string(t)+"|"+schema.Fold(name)]; ok {
			return d.lexEntity(i)
		}
	}
	return nil
}

// alias records a surface form of e used by the article.
func (d *doc) alias(e *ent, s string) {
	s = strings.TrimSpace(s)
	if e == nil || s == "" {
		return
	}
	if !e.seen[s] {
		e.seen[s] = true
		e.aliases = append(e.aliases, s)
	}
}

// mention marks e as mentioned at tokens [a,b).
func (d *doc) mention(e *ent, a, b int) {
	if e == nil {
		return
	}
	e.count++
	if e.first < 0 || a < e.first {
		e.first = a
	}
	d.alias(e, d.surface(a, b))
}

// addRole records person's office; confidence and cue say how it was read.
func (d *doc) addRole(p *ent, role string, of *ent, a, b int, conf float64, cue string) {
	if p == nil || p.typ != schema.TypePerson || role == "" || role == "counterpart" && of == nil {
		return
	}
	ofID := ""
	if of != nil {
		ofID = of.id
		if of == p {
			return
		}
	}
	key := p.id + "|" + ofID
	for _, r := range p.roles {
		if r.of == of && (r.role == role || of != nil) {
			if d.roleSeen[key] {
				return
			}
		}
	}
	p.roles = append(p.roles, entRole{role, of})
	if d.roleSeen[key] {
		return
	}
	d.roleSeen[key] = true
	r := schema.Role{Person: p.id, Role: role, Of: ofID, Confidence: conf, Cue: cue, Article: d.a.ID}
	if b > a {
		sp := d.span(a, b)
		r.Evidence = &sp
	}
	r.ID = schema.RoleIRI(r.Person, r.Role, r.Of)
	d.roles = append(d.roles, r)
}
