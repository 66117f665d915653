package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// vform is the grammatical form of a verb group.
type vform uint8

const (
	fFinite vform = iota
	fParticiple
	fGerund
	fInfinitive
)

// vgroup is a verb group of a sentence: an auxiliary alone (for subject
// tracking) or a cue verb with its auxiliaries and modals.
type vgroup struct {
	g, c0, c1  int // group start, cue start, cue end
	cue        *VerbCue
	form       vform
	subj       []*ent
	sa, sb     int // subject tokens
	explicit   bool
	inverted   bool
	elided     bool
	source     *ent // accordingTo
	silent     bool // a source or incise: no statement of its own
	start, end int  // evidence tokens
	conf       float64
	trailing   bool    // a participle after a comma, its own act of the same speaker
	manner     bool    // a trailing gerund of manner ("en affirmant") or after an incise: the act before goes on
	content    bool    // inside what another group reports: no antecedent for what follows
	incise     bool    // a mid-sentence incise ("X, he said later, had told …"): the source of the clause around it
	via        *vgroup // the incise that reports this group
	relative   bool    // the subject is a relative pronoun's antecedent ("…, Yaïr Lapid, qui s'était dit …")
}

// readSentences is the sentence-by-sentence pass: coreference state moves
// forward with the text, statements and events are read in each sentence.
func (d *doc) readSentences() {
	d.anaphoricBodies()
	d.anaphoricRegimes()
	d.stateMedia()
	d.findTranscript()
	d.markQuotes()
	for si, s := range d.sents {
		if si == d.titleSent {
			continue
		}
		if d.turnOf[si] != nil {
			d.speaker = d.turnOf[si]
			d.transcriptSentence(si, s)
			continue
		}
		d.speaker = nil
		gs := d.sentenceGroups(s)
		d.statementsOf(s, gs)
		d.updateState(s, gs)
		if !d.isHeading(s) {
			d.eventsOf(s, gs)
		}
	}
	d.dropEmptyEvents()
}

// markQuotes marks the tokens inside quotation marks; a quote never spans
// a paragraph.
func (d *doc) markQuotes() {
	d.inQuote = make([]bool, len(d.toks))
	depth := 0
	for i, t := range d.toks {
		if t.nl {
			depth = 0
		}
		switch t.k {
		case kQuoteOpen:
			depth++
		case kQuoteClose:
			if depth > 0 {
				depth--
			}
		}
		d.inQuote[i] = depth > 0
	}
}

// dropEmptyEvents removes events nobody takes part in when another event of
// the same type has participants: they are usually the same one, told
// vaguely. OTHER and ELECTION (distinctEvents) keep them all: ATTACK would
// too by the qa golds, but dev tells its attacks again without participants.
func (d *doc) dropEmptyEvents() {
	has := map[schema.EventType]bool{}
	for _, e := range d.events {
		if len(e.Participants) > 0 {
			has[e.Type] = true
		}
	}
	out := d.events[:0]
	for _, e := range d.events {
		if len(e.Participants) == 0 && has[e.Type] && !distinctEvents[e.Type] {
			continue
		}
		out = append(out, e)
	}
	d.events = out
	d.dropCovered()
}

// distinctEvents are the types whose mentions without participants are
// separate happenings, not a vague retelling: every arrest, vote or
// election is one of its own.
var distinctEvents = map[schema.EventType]bool{schema.EventOther: true, schema.EventElection: true}

// abs is the absolute value of x.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// specificity ranks the event types one span may be read as: a phone call
// or a summit is also talks and a meeting, told once as the most specific.
var specificity = map[schema.EventType]int{schema.EventNegotiation: 1, schema.EventMeeting: 2,
	schema.EventPhoneCall: 3, schema.EventSummit: 3}

// dropCovered keeps one event per stretch of a sentence: of two events whose
// evidence overlaps, the less specific (NEGOTIATION < MEETING < PHONE_CALL,
// SUMMIT) or the later of the same type goes.
func (d *doc) dropCovered() {
	drop := make([]bool, len(d.events))
	for i := range d.events {
		// events are appended sentence by sentence: only neighbours can overlap
		for j := max(0, i-8); j < min(len(d.events), i+9); j++ {
			a, b := &d.events[i], &d.events[j]
			if i == j || drop[j] || a.Evidence.Sentence != b.Evidence.Sentence || abs(a.Evidence.Start-b.Evidence.Start) > len(a.Evidence.Sentence) {
				continue
			}
			overlap := a.Evidence.Start < b.Evidence.End && b.Evidence.Start < a.Evidence.End
			ra, rb := specificity[a.Type], specificity[b.Type]
			if !overlap {
				continue // "met X on the sidelines of the summit": a meeting and a summit
			}
			if ra > 0 && rb > 0 && ra < rb || a.Type == b.Type && i > j && (subset(a.Participants, b.Participants) || subset(b.Participants, a.Participants)) {
				drop[i] = true
			}
		}
	}
	out := d.events[:0]
	for i, e := range d.events {
		if !drop[i] {
			out = append(out, e)
		}
	}
	d.events = out
}

// sentenceGroups finds the verb groups of a sentence and their subjects.
func (d *doc) sentenceGroups(s [2]int) []*vgroup {
	var gs []*vgroup
	absorbed := map[int]bool{}
	for _, c := range within(d.cue, s[0], s[1]) {
		if c.p.kind != pVerb {
			continue
		}
		if m := d.ma(c.a); m != nil && m.kind != mPronoun {
			continue // inside a name or title
		}
		v := &d.m.verbs[c.p.idx]
		g := &vgroup{g: c.a, c0: c.a, c1: c.b, cue: v}
		// walk back over adverbs, clitics, quotes, modals, auxiliaries
		j := c.a - 1
		aux := false
		modal := false
		for j >= s[0] {
			if st := d.phraseStart(j, wModal); st >= 0 && st >= s[0] {
				modal = true
				g.g = st
				j = st - 1
				continue
			}
			if d.toks[j].k == kQuoteOpen {
				j--
				continue
			}
			if d.lang == langFR && strings.HasSuffix(d.toks[c.a].f, "ant") && clitics[d.f(j)] && d.f(j-1) == "en" {
				j-- // "en les appelant": the clitic before the gerund
			}
			if d.lang == langFR && d.f(j) == "en" && strings.HasSuffix(d.toks[c.a].f, "ant") {
				break // "en rejetant": the gerund's mark, no adverb
			}
			if st := d.phraseStart(j, wAdverb); st >= 0 && st >= s[0] && !d.is(j, wAux) {
				j = st - 1
				continue
			}
			if f := d.f(j); f == "not" || f == "never" || f == "n't" || f == "jamais" || f == "pas" {
				j-- // "will never recognise"
				continue
			}
			if d.mannerAdverb(j) {
				j-- // "We deeply regret", "Moscow strongly condemned"
				continue
			}
			if d.is(j, wAux) && d.toks[j].k == kWord {
				aux = true
				g.g = j
				absorbed[j] = true
				j--
				continue
			}
			break
		}
		for g.g-1 >= s[0] && d.is(g.g-1, wReflexive) {
			g.g-- // s'est félicité
		}
		for k := g.g; k < c.a; k++ {
			absorbed[k] = true
		}
		f := d.toks[c.a].f
		raw := d.text[d.toks[c.a].s:d.toks[c.a].e]
		prev := d.f(j)
		if v.Adj && !aux {
			continue
		}
		if !aux && !modal && j >= s[0] && d.is(j, wDet) && d.ma(j) == nil {
			continue // a noun: ces échanges, the call
		}
		if d.lang == langFR && v.Light && !aux && !modal && j > s[0] && d.toks[j].k == kWord && !d.toks[j].cap && d.ma(j) == nil &&
			d.is(j-1, wDet) && d.ma(j-1) == nil && !d.is(j, wDocNouns) && !d.is(j, wReflexive) {
			continue // "une violation manifeste": an adjective after its noun, no verb
		}
		if !aux && !modal && d.lang == langEN && v.EN != "" && f == strings.Fields(fold(v.EN))[0] && d.mentionEndingAt(j) == nil && !(prev == "to" && d.purposeHead(s, j) >= 0) &&
			!(d.f(j) == "," && d.mentionEndingAt(j-1) != nil && d.mentionEndingAt(j-1).plural) {
			continue // a bare English base form is a noun unless a subject stands before it
		}
		if !aux && !modal && d.lang == langEN && j > s[0] && d.isDateWordNoPrep(j) {
			// "X on Thursday called on …": a date adverbial between subject and verb
			for j > s[0] && (d.isDateWordNoPrep(j) || d.is(j, wDateLead)) {
				j--
			}
		}
		if !aux && !modal && d.lang == langEN && j >= s[0] && d.mentionEndingAt(j) == nil && !d.is(j, wCoord) && !(prev == "to" && d.purposeHead(s, j) >= 0) &&
			d.f(j) != "," && d.f(j) != "who" && d.f(j) != "which" && d.f(j) != "that" && d.f(j) != "it" && d.toks[j].k != kQuoteClose &&
			!strings.HasSuffix(f, "ing") && !(strings.HasSuffix(f, "ed") && d.mentionEndingAt(j-1) != nil && d.toks[j].k == kWord) {
			continue // "unacceptable demands": a noun, not a verb with its subject ("NATO allies issued" is one)
		}
		switch {
		case aux || modal:
			g.form = fFinite
		case d.lang == langFR && strings.HasSuffix(f, "ant"):
			g.form = fParticiple
			if prev == "en" {
				g.form = fGerund
			}
		case d.lang == langEN && strings.HasSuffix(f, "ing"):
			g.form = fParticiple
		case d.lang == langFR && (prev == "à" || prev == "de" || prev == "d'" || prev == "pour" || prev == "sans" || prev == "a") &&
			(strings.HasSuffix(f, "er") || strings.HasSuffix(f, "ir") || strings.HasSuffix(f, "re")):
			g.form = fInfinitive
		case d.lang == langEN && prev == "to":
			g.form = fInfinitive
		case d.lang == langFR && (strings.HasSuffix(raw, "é") || strings.HasSuffix(raw, "ée") || strings.HasSuffix(raw, "és") || strings.HasSuffix(raw, "ées")):
			if (prev == "et" || prev == "puis") && len(gs) > 0 && gs[len(gs)-1].cue != nil && gs[len(gs)-1].form == fFinite {
				g.form = fFinite // "a rejeté ces accusations et estimé que": the auxiliary is shared
				break
			}
			g.form = fParticiple // observés en avril: an adjective
			g.silent = true
		case d.lang == langFR && j >= s[0] && d.cueGroupAt(gs, j):
			g.form = fInfinitive // a assuré vouloir
		}
		gs = append(gs, g)
	}
	for i := s[0]; i < s[1]; i++ {
		if absorbed[i] || !d.is(i, wAux) || d.toks[i].k != kWord || i > s[0] && d.is(i-1, wDet) && d.ma(i-1) == nil {
			continue // "vers l'est" is no verb
		}
		if m := d.ma(i); m != nil && m.kind != mPronoun {
			continue
		}
		if d.toks[i].f == "'s" || d.toks[i].f == "also" || d.toks[i].f == "been" || d.toks[i].f == "being" || d.toks[i].f == "be" {
			continue
		}
		gs = append(gs, &vgroup{g: i, c0: i, c1: i + 1})
		// skip the rest of an auxiliary chain
		for i+1 < s[1] && d.is(i+1, wAux) {
			i++
		}
	}
	sort.Slice(gs, func(a, b int) bool { return gs[a].g < gs[b].g })
	d.sentPerson, d.sentBody = nil, nil
	for k, g := range gs {
		d.findSubject(s, gs, k, g)
		if len(g.subj) == 1 && g.subj[0].typ == schema.TypePerson && g.explicit {
			d.sentPerson = g.subj[0] // "X said he …": the sentence's own speaker first
		}
		if len(g.subj) == 1 && g.subj[0].typ == schema.TypeOrganization && g.explicit && !g.inverted && d.sentBody == nil && d.sentPerson == nil && !d.inQuote[g.sa] {
			// (a body quoted, « Le gouvernement japonais a … », a-t-il déclaré, is no antecedent of the incise)
			d.sentBody = g.subj[0]
		}
	}
	// "une version jugée « absurde » par X", "described as dangerous by X":
	// a passive evaluation is the agent's statement
	for _, g := range gs {
		if g.cue == nil || g.cue.Adj {
			continue
		}
		raw := d.text[d.toks[g.c1-1].s:d.toks[g.c1-1].e]
		past := d.lang == langFR && (strings.HasSuffix(raw, "é") || strings.HasSuffix(raw, "ée") || strings.HasSuffix(raw, "és") || strings.HasSuffix(raw, "ées")) ||
			d.lang == langEN && strings.HasSuffix(raw, "ed")
		passiveAux := g.c0 > s[0] && d.is(g.c0-1, wPassiveAux)
		if !past || g.subj != nil && !passiveAux || g.c0 > s[0] && !passiveAux && d.is(g.c0-1, wAux) {
			continue // an active verb: "a jugé", "has described", "X warned that … by Moscow"
		}
		reported := false
		for _, h := range gs {
			if h != g && h.cue != nil && h.c1 <= g.g && d.hasCompl(h.c1, g.g) {
				reported = true // "a déclaré que les États-Unis avaient été tenus informés par Riyad": content
			}
		}
		if reported {
			continue
		}
		for k := g.c1; k < min(s[1], g.c1+10); k++ {
			if f := d.f(k); f == "," || f == ";" || f == "." || d.cueAt(k) || d.is(k, wCompl) {
				break
			}
			if !d.is(k, wAgent) {
				continue
			}
			// the agent: the first mention after par/by not governed by a
			// preposition ("par le patron de Ryanair, Michael O'Leary")
			for j := k + 1; j < min(s[1], k+10); j++ {
				m := d.ma(j)
				if m == nil || m.a != j || m.kind == mPronoun {
					continue
				}
				if d.governed(m.a) && j > k+2 {
					j = m.b - 1
					continue
				}
				if m.kind == mDemonym {
					break // "réclamés par le parquet général russe": a noun phrase's adjective, no agent
				}
				if r := d.resolve(m, j); len(r) > 0 {
					sb := m.b
					// "proposées par Paris et Berlin": coordinated agents
					for d.is(sb, wCoord) {
						n := d.ma(sb + 1)
						if n == nil || n.a != sb+1 || n.kind == mPronoun || n.kind == mDemonym {
							break
						}
						r = append(r, d.resolve(n, n.a)...)
						sb = n.b
					}
					g.subj, g.sa, g.sb = dedupe(r), m.a, sb
					g.explicit, g.silent, g.form = true, false, fFinite
					g.start = g.g
				}
				break
			}
			break
		}
	}
	// participles opening the sentence take the main clause's subject; a
	// participle trailing after a comma (", warning that", ", saying") takes
	// the governing clause's, not the reported clause's in between
	for k, g := range gs {
		comma, gerund, tout := d.trailingComma(s, g.g)
		// "…, son chef de la diplomatie, Josep Borrell, affirmant que …",
		// "…, its foreign minister, Sergei Lavrov, saying …": an absolute
		// participle clause opens with its own subject
		if g.subj == nil && g.form == fParticiple && g.cue != nil && !gerund {
			if m := d.absoluteSubject(s, gs[:k], g.g); m != nil {
				if r := d.resolve(m, m.a); len(r) > 0 {
					g.subj, g.sa, g.sb = r, m.a, m.b
					g.explicit, g.trailing = true, true
					continue
				}
			}
		}
		if g.subj == nil && (g.form == fParticiple || g.form == fGerund) && g.cue != nil && comma {
			// "en affirmant" tells the manner of the act before; ", saying",
			// ", soulignant", "tout en rejetant" add an act of their own
			g.manner = gerund && !tout
			var h *vgroup
			for _, o := range gs[:k] {
				if o.subj != nil && o.explicit && o.form == fFinite && !o.inverted {
					h = o
					break
				}
			}
			// "« … », a-t-il prévenu, en menaçant de …": the incise just before speaks
			if k > 0 {
				if p := gs[k-1]; p.cue != nil && p.inverted && p.subj != nil && p.form == fFinite {
					h = p
					g.manner = true
				} else if p.cue != nil && p.explicit && p.subj != nil && p.form == fFinite && d.afterQuote(p.sa) {
					h = p // "“…,” she said, adding that …": the attribution after the quote speaks
				}
			}
			if h != nil {
				g.subj, g.sa, g.sb = h.subj, h.sa, h.sb
				g.trailing = true
				continue
			}
			// "Zakharova went further, saying that …": the clause before has
			// no verb of saying; its subject is the sentence's first actor
			if m := d.sentenceSubject(s, g.g-1); m != nil {
				if r := d.resolve(m, m.a); len(r) > 0 {
					g.subj, g.sa, g.sb = r, m.a, m.b
					g.explicit, g.trailing = true, true
					continue
				}
			}
		}
		if g.subj == nil && g.form == fParticiple && d.sentenceSubject(s, g.g) == nil {
			for _, h := range gs[k+1:] {
				if h.subj != nil {
					g.subj = h.subj
					break
				}
			}
		}
	}
	// "Putin went on national television to denounce …", "X a profité de
	// sa visite pour dénoncer …": an infinitive of purpose after a verb of
	// going or taking an occasion is the act of that verb's subject
	for k, g := range gs {
		if g.cue == nil || g.subj != nil || g.form != fInfinitive || g.cue.Adj || g.cue.Act == schema.ActDiscuss || g.cue.Act == schema.ActAgree {
			continue
		}
		p := d.purposeHead(s, g.g-1)
		if p < 0 {
			continue
		}
		var h *vgroup
		for _, o := range gs[:k] {
			if o.g <= p && o.subj != nil && o.form == fFinite && !o.content {
				h = o
			}
		}
		if h != nil {
			g.subj, g.sa, g.sb = h.subj, h.sa, h.sb
		} else if m := d.sentenceSubject(s, p); m != nil {
			if r := d.resolve(m, m.a); len(r) > 0 {
				g.subj, g.sa, g.sb = r, m.a, m.b
			}
		}
		if g.subj != nil {
			g.explicit, g.trailing = true, true
		}
	}
	return gs
}

// absoluteSubject returns the subject of an absolute participle clause at
// token at: a name, with the office apposed before it, between a comma and
// the participle, after a clause of its own ("L'UE a condamné l'attaque, son
// chef de la diplomatie, Josep Borrell, affirmant que …", "Russia rejected
// the plan, Lavrov saying …"). Nil when the name is governed by a
// preposition or when the phrase is the apposition of a name just before
// ("Macron a reçu Zelensky, le président ukrainien, assurant …").
func (d *doc) absoluteSubject(s [2]int, before []*vgroup, at int) *mention {
	j := at - 1
	if d.f(j) == "," {
		j--
	}
	m := d.mentionEndingAt(j)
	if m == nil || m.a <= s[0] || m.kind == mPronoun || m.kind == mDemonym || d.governed(m.a) {
		return nil
	}
	for _, e := range m.refs() {
		if e.typ == schema.TypePlace || e.typ == schema.TypeAgreement {
			return nil
		}
	}
	a := m.a
	if d.f(a-1) == "," {
		// the office apposed before the name: "son chef de la diplomatie, Josep Borrell"
		if t := d.mentionEndingAt(a - 2); t != nil && t.kind == mTitle && !d.governed(t.a) {
			a = t.a
		}
	}
	for a > s[0] && (d.is(a-1, wDet) || d.is(a-1, wPoss)) && d.ma(a-1) == nil {
		a--
	}
	if a-2 <= s[0] || d.f(a-1) != "," || d.mentionEndingAt(a-2) != nil {
		return nil
	}
	for _, g := range before {
		if g.c1 <= a && (g.cue != nil || g.subj != nil) && !g.content {
			return m // a clause of its own stands before the comma
		}
	}
	return nil
}

// purposeHead returns the verb of going or taking an occasion (words.json
// purpose: went, took, a profité, s'est rendu) that an infinitive's mark at
// token to ("to", "pour", "afin de", "in order to") completes, or -1 when
// the mark is no purpose's or no such verb stands a few words before it,
// within the clause.
func (d *doc) purposeHead(s [2]int, to int) int {
	switch d.f(to) {
	case "to":
		if d.f(to-1) == "order" && d.f(to-2) == "in" {
			to -= 2
		}
	case "pour":
	case "de", "d'":
		if d.f(to-1) != "afin" {
			return -1
		}
		to--
	default:
		return -1
	}
	for i := to - 1; i >= s[0] && i >= to-8; i-- {
		if f := d.f(i); f == "," || f == ";" || f == ":" || d.is(i, wCompl) || d.toks[i].k == kQuoteClose || d.cueAt(i) {
			return -1
		}
		if d.is(i, wPurpose) && d.ma(i) == nil {
			return i
		}
	}
	return -1
}

func (d *doc) cueGroupAt(gs []*vgroup, j int) bool {
	for _, g := range gs {
		if g.cue != nil && j >= g.c0 && j < g.c1 {
			return true
		}
	}
	return false
}

// findSubject reads the subject of group k: after the verb when the group
// is an incise (« … », a ajouté le Kremlin / said Peskov), else the nearest
// noun phrase before it not governed by a preposition, with its
// coordinated siblings; a group after "et"/"and" shares the previous one's.
func (d *doc) findSubject(s [2]int, gs []*vgroup, k int, g *vgroup) {
	// inverted: a-t-il
	if t := d.toks[g.g]; strings.HasSuffix(t.f, "-t-il") || strings.HasSuffix(t.f, "-il") || strings.HasSuffix(t.f, "-t-elle") || strings.HasSuffix(t.f, "-elle") {
		pr := wHeM
		if strings.HasSuffix(t.f, "elle") {
			pr = wHeF
		}
		g.subj = d.resolve(&mention{a: g.g, b: g.g + 1, kind: mPronoun, pron: pr}, g.g)
		g.explicit, g.inverted = true, true
		g.sa, g.sb = g.g, g.g+1
		return
	}
	// incise after a comma or closing quote, subject after the verb (never a
	// participle: ", accusing Moscow of …" has its object after it)
	if g.cue != nil && g.g > s[0] && g.form != fParticiple && g.form != fGerund {
		p := d.toks[g.g-1]
		apposed := false
		if p.f == "," && g.g-2 >= s[0] {
			// "Heiko Maas, a appelé Moscou à …": the comma closes the subject's
			// apposition, and what follows the verb is its object
			if m := d.mentionEndingAt(g.g - 2); m != nil && !d.governed(m.a) && m.kind != mDemonym {
				apposed = true
				for _, h := range gs {
					if h.c1 <= m.a {
						apposed = false // a verb before: the name is an object, the verb an incise
					}
				}
			}
		}
		if p.f == "," || p.k == kQuoteClose || (g.g-1 > s[0] && d.toks[g.g-2].k == kQuoteClose && !d.is(g.g-1, wCoord)) {
			// English inverts only "said X." ("…, urged Russia to" has its object after it)
			if subj, a, b := d.subjectAfter(g.c1, s); subj != nil && !(apposed && d.is(b, wPrep)) &&
				!(d.lang == langEN && !d.clauseEnd(b, s) && g.cue.Act != schema.ActState) &&
				!(g.cue.Act == schema.ActCallOn && (d.f(b) == "a" || d.f(b) == "de" || d.f(b) == "d'")) { // "…, a appelé Washington à la retenue": an object
				g.subj, g.sa, g.sb = subj, a, b
				g.explicit, g.inverted = true, true
				return
			}
		}
	}
	if g.cue != nil && g.cue.Incise {
		g.cue = nil // "Moscou a lancé une offensive": no incise, no speech
	}
	if e := d.itSubject(s, g); e != nil {
		g.subj, g.sa, g.sb = []*ent{e}, g.g-1, g.g
		g.explicit = true
		return
	}
	j := g.g - 1
	for j >= s[0] && (d.is(j, wReflexive) || d.toks[j].k == kQuoteOpen) {
		j--
	}
	if j >= s[0] && (d.is(j, wCoord) || d.phraseStart(j, wCoord) >= s[0]) {
		g.elided = true
		// "X said Russia was free … and accused NATO": a coordinated verb of
		// saying belongs to the governing clause, not to the reported one
		// "The Kremlin said Erdogan had telephoned Putin and voiced support":
		// a bare participle sharing the reported clause's perfect auxiliary
		// goes on with the reported subject
		if k > 0 && g.cue != nil && g.g == g.c0 && gs[k-1].subj != nil && gs[k-1].explicit && !gs[k-1].inverted &&
			d.is(gs[k-1].g, wPerfectAux) && d.pastParticiple(g.c0) && d.matrixGroup(gs, k) != nil && !d.hasComma(gs[k-1].c1, g.g) {
			p := gs[k-1]
			g.subj, g.sa, g.sb = p.subj, p.sa, p.sb
			g.explicit = true
			return
		}
		if h := d.matrixGroup(gs, k); h != nil {
			g.subj = h.subj
			g.sa, g.sb = h.sa, h.sb
			return
		}
		for h := k - 1; h >= 0; h-- {
			if gs[h].subj != nil {
				g.subj = gs[h].subj
				g.sa, g.sb = gs[h].sa, gs[h].sb
				return
			}
		}
		// "Blinken met Lavrov on Friday and warned him …": the verb before is
		// no cue; the sentence's opening actor is the subject
		if g.cue != nil && g.form == fFinite {
			if m := d.sentenceSubject(s, g.g); m != nil {
				if r := d.resolve(m, m.a); len(r) > 0 {
					if len(r) == 1 && r[0].typ == schema.TypePerson {
						// "X, Y of Israel, and Z, Crown Prince of …, spoke … and agreed"
						r = dedupe(append(r, d.coordPersons(m, g.g)...))
					}
					g.subj, g.sa, g.sb = r, m.a, m.b
				}
			}
		}
		return
	}
	if g.form == fParticiple || g.form == fGerund || g.form == fInfinitive {
		return
	}
	// "a sharp response from Zelensky, who on Tuesday called …": the
	// antecedent of a subject relative pronoun, even inside a phrase
	if m := d.relativeAntecedent(s, g); m != nil {
		var subj []*ent
		sa := m.a
		for _, x := range append(d.coordinatedBefore(s, m), m) {
			for _, e := range d.resolve(x, x.a) {
				if e != nil && e.typ != schema.TypePlace && e.typ != schema.TypeAgreement {
					subj = append(subj, e)
				}
			}
			sa = min(sa, x.a)
		}
		if len(subj) > 0 {
			g.subj, g.sa, g.sb = dedupe(subj), sa, m.b
			g.explicit, g.relative = true, true
			return
		}
	}
	// skip a relative or participial clause between subject and verb:
	// "Olaf Scholz, who met Putin in Moscow, said …"
	prevEnd := -1 // the end of the latest group before the subject's clause
	if k > 0 {
		prevEnd = gs[k-1].c1
	}
	if j > s[0] && d.f(j) == "," {
		// "le Haut Conseil, réuni sous la présidence du chef de l'État,
		// Abdelmadjid Tebboune, avait annoncé": an office and its name read
		// as one mention (the apposition's comma inside it) that a
		// preposition governs closes a participle or relative clause
		// opening further back; the subject stands before that clause
		if q := d.swallowedApposition(s, j); q > s[0] {
			j = q - 1
			for _, h := range gs[:k] {
				if h.c1 <= q {
					prevEnd = h.c1
				}
			}
			if prevEnd > q {
				prevEnd = -1
			}
			goto search
		}
		for p := j - 1; p > s[0] && j-p < 30; p-- {
			if d.f(p) != "," {
				continue
			}
			if d.is(p+1, wVoiceOf) {
				// "le Kremlin, par la voix de Dmitri Peskov, a mis en garde": the voice speaks
				if m := d.mentionEndingAt(j - 1); m != nil && m.a > p {
					if r := d.resolve(m, m.a); len(r) > 0 {
						g.subj, g.sa, g.sb = r, m.a, m.b
						g.explicit = true
						return
					}
				}
			}
			if h, src := d.midIncise(s, gs[:k], p, j); h != nil && d.mentionEndingAt(p-1) != nil {
				// "Russia, he said later, had promised …", "La Russie, a affirmé
				// le ministre, a rejeté …": the clause's subject stands before
				// the incise, whose speaker is the source
				h.incise, g.via = true, h
				if len(src) == 1 {
					g.source = src[0]
				}
				j = p - 1
				prevEnd = -1
				for _, o := range gs[:k] {
					if o.c1 <= p {
						prevEnd = o.c1
					}
				}
				break
			}
			switch f := d.f(p + 1); {
			case f == "who" || f == "which" || f == "qui" || f == "dont" || f == "whose" || f == "lequel" || f == "laquelle",
				d.toks[p+1].k == kWord && (strings.HasSuffix(f, "ing") && d.lang == langEN || strings.HasSuffix(f, "ant") && d.lang == langFR):
				j = p - 1
			case d.pastParticiple(p+1) && d.mentionEndingAt(p-1) != nil:
				j = p - 1 // "Ben Wallace, asked about Kyiv's demands, said …", "le ministre, interrogé sur …, a affirmé"
			case d.apposition(gs, p, j):
				j = p - 1 // "Josep Borrell, the EU's foreign policy chief, said"
				// "le Haut Conseil, réuni sous la présidence du chef de l'État,
				// X, avait annoncé": the apposition names a prepositional object
				// inside a participle or relative clause that opens further back
				if m := d.mentionEndingAt(p - 1); m != nil && d.governed(m.a) {
					for q := m.a - 1; q > s[0] && p-q < 30; q-- {
						if d.f(q) != "," {
							continue
						}
						if f := d.f(q + 1); d.pastParticiple(q+1) && d.mentionEndingAt(q-1) != nil || d.is(q+1, wRelSubj) ||
							d.toks[q+1].k == kWord && (strings.HasSuffix(f, "ing") && d.lang == langEN || strings.HasSuffix(f, "ant") && d.lang == langFR) {
							j, p = q-1, q
						}
						break
					}
				}
			}
			if j < p {
				// groups inside the skipped clause do not end the search
				prevEnd = -1
				for _, h := range gs[:k] {
					if h.c1 <= p {
						prevEnd = h.c1
					}
				}
			}
			break
		}
	}
search:
	commas := 0
	for j >= s[0] && g.g-j < 25 {
		t := d.toks[j]
		if d.is(j, wCompl) && d.phraseStart(j, wCoord) < 0 || t.f == ";" || t.f == ":" || t.k == kQuoteOpen || t.k == kQuoteClose {
			break
		}
		if j < prevEnd {
			break
		}
		if m := d.ma(j); m != nil && m.b == j+1 {
			// "les juntes au pouvoir au Mali et au Burkina Faso ont averti",
			// "the governments of Mali and Burkina Faso said": the states ruled
			if r, a := d.rulersOf(m, s); r != nil {
				g.subj, g.sa, g.sb = r, a, m.b
				g.explicit = true
				return
			}
			if d.governed(m.a) && !d.conjSubject(m, g) {
				j = m.a - 1
				continue
			}
			if d.f(m.b) == "'s" && m.b+1 < g.g {
				break // "Russia's build-up … threatened": the possessor is no subject
			}
			if k > 0 && gs[k-1].cue != nil && gs[k-1].subj != nil && m.a >= gs[k-1].c1 && m.a <= gs[k-1].c1+3 &&
				!d.hasCompl(gs[k-1].c1, m.a) && g.g-m.b > 2 {
				j = m.a - 1 // "a appelé Moscou à …, a rapporté …": the object of the verb before
				continue
			}
			var ms []*mention
			ms = append(ms, m)
			a := m.a
			sawCoord := false
			for {
				c := a - 1
				for c > s[0] && d.is(c, wDet) && !d.is(c, wCompl) && d.ma(c) == nil {
					c-- // "and that the leaders …" is no coordinated subject
				}
				cs := d.phraseStart(c, wCoord)
				if cs >= 0 {
					sawCoord = true
				} else if d.f(c) == "," && sawCoord {
					cs = c
				}
				if cs < s[0] {
					break
				}
				if d.f(cs-1) == "," && cs-1 > s[0] && d.phraseStart(c, wCoord) >= 0 {
					cs-- // "Le ministre …, Jean-Yves Le Drian, et son homologue": the apposition's comma
				}
				m2 := d.mentionEndingAt(cs - 1)
				if m2 == nil || d.governed(m2.a) {
					break
				}
				ms = append(ms, m2)
				a = m2.a
			}
			var subj []*ent
			for i := len(ms) - 1; i >= 0; i-- {
				for _, e := range d.resolve(ms[i], ms[i].a) {
					if e != nil && e.typ != schema.TypePlace && e.typ != schema.TypeAgreement {
						subj = append(subj, e)
					}
				}
			}
			if len(subj) > 0 {
				g.subj = dedupe(subj)
				// "la partie russe", "the Russian side": the noun phrase around a demonym
				if m.kind == mDemonym && len(ms) == 1 {
					for a > s[0] && a > m.a-3 && d.toks[a-1].k == kWord && d.ma(a-1) == nil && !d.is(a-1, wPrep) && !d.is(a-1, wAux) {
						a--
						if d.is(a, wDet) {
							break
						}
					}
				}
				g.sa, g.sb = a, m.b
				g.explicit = true
			}
			return
		}
		if t.f == "," {
			commas++
			if commas > 2 {
				break
			}
		}
		if d.is(j, wAux) && j < g.g {
			break
		}
		j--
	}
	// nothing before: the previous group's subject (same clause chain)
	if k > 0 && gs[k-1].subj != nil && g.cue != nil && g.form == fFinite && !d.hasCompl(gs[k-1].c1, g.g) && d.onlyGlue(gs[k-1].c1, g.g) {
		g.subj = gs[k-1].subj
		g.sa, g.sb = gs[k-1].sa, gs[k-1].sb
		g.elided = true
		return
	}
	// "X declared a regime, urged residents to … and warned …": a finite
	// verb right after a comma lists another act of the clause's subject
	if h := d.listHead(s, gs, k); h != nil {
		g.subj, g.sa, g.sb = h.subj, h.sa, h.sb
		g.elided = true
	}
}

// swallowedApposition returns the comma that opens a participle or
// relative clause ending at the comma j when the clause ends with an office
// and its apposed name read as one mention governed by a preposition
// ("réuni sous la présidence du chef de l'État, Abdelmadjid Tebboune,",
// "chaired by the head of state, X,"); -1 otherwise.
func (d *doc) swallowedApposition(s [2]int, j int) int {
	m := d.mentionEndingAt(j - 1)
	if m == nil || m.kind != mTitle || !d.hasComma(m.a, m.b) || !(d.governed(m.a) || d.is(m.a, wPrep) && d.is(m.a, wDet)) {
		return -1
	}
	for q := m.a - 1; q > s[0] && m.a-q < 15; q-- {
		if d.f(q) != "," {
			continue
		}
		f := d.f(q + 1)
		// "réuni sous", "tenue par": a French participle in -i/-u before its preposition
		part := d.pastParticiple(q+1) || d.lang == langFR && d.toks[q+1].k == kWord && d.ma(q+1) == nil && d.is(q+2, wPrep) &&
			(strings.HasSuffix(f, "i") || strings.HasSuffix(f, "ie") || strings.HasSuffix(f, "u") || strings.HasSuffix(f, "ue"))
		if part && d.mentionEndingAt(q-1) != nil || d.is(q+1, wRelSubj) ||
			d.toks[q+1].k == kWord && (strings.HasSuffix(f, "ing") && d.lang == langEN || strings.HasSuffix(f, "ant") && d.lang == langFR) {
			return q
		}
		return -1
	}
	return -1
}

// rulersOf reads the states that a ruling body names after it (words.json
// rulers: "les juntes au pouvoir au Mali et au Burkina Faso", "the
// governments of Mali and Burkina Faso", "la junte au Niger") when the
// mention m ends that list: the states, and the body noun's start. Nil when
// m ends no such list.
func (d *doc) rulersOf(m *mention, s [2]int) ([]*ent, int) {
	near := false
	for k := m.a - 1; k >= s[0] && k >= m.a-14; k-- {
		if d.is(k, wRulers) {
			near = true
		}
	}
	if !near {
		return nil, 0
	}
	var out []*ent
	cur := m
	for n := 0; n < 6; n++ {
		r := cur.refs() // names of states: no title to resolve
		if len(r) != 1 || r[0].typ != schema.TypeState || cur.kind == mPronoun || cur.kind == mTitle {
			return nil, 0
		}
		out = append([]*ent{r[0]}, out...)
		j := cur.a - 1
		if d.is(j, wDet) && !d.is(j, wPrep) && d.ma(j) == nil {
			j--
		}
		if d.is(j, wCoord) || d.f(j) == "," {
			// "of Mali and Burkina Faso": a sibling before
			if prev := d.mentionEndingAt(j - 1); prev != nil && j-1 > s[0] {
				cur = prev
				continue
			}
			return nil, 0
		}
		if !d.is(j, wPrep) {
			return nil, 0
		}
		if n == 0 && d.is(j-1, wCoord) {
			// "au Mali et au Burkina Faso": the sibling before the conjunction
			if prev := d.mentionEndingAt(j - 2); prev != nil {
				cur = prev
				continue
			}
			return nil, 0
		}
		if d.is(j-1, wCoord) {
			if prev := d.mentionEndingAt(j - 2); prev != nil {
				cur = prev
				continue
			}
		}
		// "au pouvoir", "in power": a few words between the body and its states
		for k := j - 1; k >= s[0] && k >= j-3; k-- {
			if d.ma(k) != nil || d.toks[k].k != kWord {
				return nil, 0
			}
			if d.is(k, wRulers) {
				if len(out) < 2 && d.toks[k].f != "junte" && d.toks[k].f != "junta" {
					return nil, 0 // one state's government is the state's own mention
				}
				if d.is(k-1, wDet) {
					k--
				}
				return out, k
			}
		}
		return nil, 0
	}
	return nil, 0
}

// hasComma reports whether a comma stands among tokens [a, b).
func (d *doc) hasComma(a, b int) bool {
	for i := a; i < b; i++ {
		if d.f(i) == "," {
			return true
		}
	}
	return false
}

// listHead returns the verb group whose subject group k shares when k is
// the next item of a list of acts ("X declared A, urged B and warned C",
// "X a dénoncé A, a appelé B"): k is a finite cue right after a comma with
// no subject of its own, and the group before is a finite cue with its
// subject and no content clause since it, or the governing verb of saying
// when a reported clause stands between. Nil otherwise.
func (d *doc) listHead(s [2]int, gs []*vgroup, k int) *vgroup {
	g := gs[k]
	if k == 0 || g.cue == nil || g.cue.Adj || g.form != fFinite || g.g <= s[0] || d.f(g.g-1) != "," || d.inQuote[g.g] {
		return nil
	}
	if d.lang == langEN && g.g == g.c0 && !strings.HasSuffix(d.toks[g.c0].f, "ed") && !strings.HasSuffix(d.toks[g.c0].f, "s") && !d.is(g.c0, wPastAux) {
		return nil // an English list item is a finite past or present form
	}
	if d.lang == langFR && g.g == g.c0 || d.f(g.c1) == "by" || d.f(g.c1) == "par" {
		return nil // ", urged by …", ", soutenu par …": a participle clause
	}
	h := gs[k-1]
	if h.cue != nil && h.subj != nil && h.form == fFinite && !h.inverted && !h.content && !d.hasCompl(h.c1, g.g) {
		for i := h.c1; i < g.g; i++ {
			if d.f(i) == ";" || d.f(i) == ":" {
				return nil
			}
		}
		return h
	}
	return d.matrixGroup(gs, k)
}

// midIncise returns the verb of saying that fills the stretch between the
// commas at p and j by itself, with its speaker: "he said later", "a
// diplomat said on Monday", "a-t-il ajouté", "a affirmé le ministre". Only
// adverbs, a time, the hearer or "in a statement" may stand around it. Nil
// when the stretch is anything else (an apposition, a relative clause).
// The second result is the incise's speaker as a source: none for plural
// media behind a demonym ("Russian news agencies reported").
func (d *doc) midIncise(s [2]int, gs []*vgroup, p, j int) (*vgroup, []*ent) {
	var h *vgroup
	for _, o := range gs {
		if o.g > p && o.g < j {
			if h != nil || o.cue == nil {
				return nil, nil
			}
			h = o
		}
	}
	if h == nil || h.form != fFinite || h.c1 > j || h.cue.Adj || h.cue.We {
		return nil, nil
	}
	if h.inverted {
		if h.subj == nil || h.g != p+1 || h.sb > j || !d.inciseGlue(max(h.c1, h.sb), j) || !d.inciseGlue(h.c1, h.sa) {
			return nil, nil
		}
		return h, h.subj
	}
	if !d.inciseGlue(h.c1, j) {
		return nil, nil
	}
	// the stretch before the verb is the speaker's noun phrase: no clause
	// mark, no relative pronoun
	for k := p + 1; k < h.g; k++ {
		if t := d.toks[k]; t.k != kWord || d.is(k, wCompl) || d.is(k, wRelSubj) || d.is(k, wAux) && k < h.g-1 {
			return nil, nil
		}
	}
	if m := d.ma(p + 1); m == nil && !d.is(p+1, wDet) || h.g-p > 7 {
		return nil, nil
	}
	if m := d.ma(h.sa); m != nil && m.kind == mDemonym && m.b < h.g && d.is(m.b, wMedia) || h.subj == nil || !h.explicit || h.sa <= p {
		return h, nil // "Russian news agencies reported", "a diplomat said": no one source
	}
	return h, h.subj
}

// skipDescriptor steps back from pi over a short lower-case descriptor of
// the speaker named after it (", state broadcaster CCTV reported", ", the
// official news agency Xinhua said"): up to three plain words, the last a
// media or body noun, and a determiner, when a comma stands before them.
// It returns pi unchanged otherwise.
func (d *doc) skipDescriptor(s [2]int, gs []*vgroup, pi int) int {
	if pi <= s[0]+1 || !d.is(pi, wMedia) && !d.is(pi, wGovNouns) {
		return pi
	}
	for j := pi; j > s[0] && j >= pi-3; j-- {
		t := d.toks[j]
		if t.k != kWord || t.cap || d.ma(j) != nil || d.is(j, wAux) || d.is(j, wCompl) || d.is(j, wRelSubj) || d.is(j, wCoord) {
			return pi
		}
		for _, h := range gs {
			if h.g == j {
				return pi
			}
		}
		k := j - 1
		if d.is(k, wDet) && k > s[0] {
			k--
		}
		if d.f(k) == "," || d.toks[k].k == kQuoteClose {
			return k
		}
	}
	return pi
}

// inciseGlue reports whether tokens [a, b) hold only what may surround the
// verb of an incise: adverbs (later, plus tard), a time (on Monday, jeudi),
// the hearer (to reporters, à la presse) or the document ("in a statement").
func (d *doc) inciseGlue(a, b int) bool {
	for i := a; i < b; i++ {
		if e := d.phraseEnd(i, wAdverb); e > 0 && e <= b {
			i = e - 1
			continue
		}
		if d.isDateWord(i) || d.isDateWordNoPrep(i) || d.is(i, wDateLead) {
			continue
		}
		if e := d.phraseEnd(i, wAudience); e > 0 && e <= b {
			i = e - 1
			continue
		}
		if e := d.phraseEnd(i, wDocNouns); e > 0 && e <= b {
			i = e - 1
			continue
		}
		if d.is(i, wLoc) || d.is(i, wDet) || d.is(i, wPrep) && d.ma(i+1) != nil {
			continue // "in a statement", "to Interfax"
		}
		if m := d.ma(i); m != nil && m.a == i && m.b <= b && i > a && (d.is(i-1, wPrep) || d.is(i-1, wDet)) {
			i = m.b - 1
			continue
		}
		return false
	}
	return true
}

// matrixGroup returns the governing verb of saying before group k when k is
// itself a verb of saying past its content clause: the first finite cue
// group of the sentence with a subject of its own and some clause between
// it and k. Nil when k is no cue or nothing governs it.
func (d *doc) matrixGroup(gs []*vgroup, k int) *vgroup {
	g := gs[k]
	if g.cue == nil || g.cue.Adj || k < 2 {
		return nil
	}
	for h := 0; h < k-1; h++ {
		o := gs[h]
		if o.cue == nil || o.subj == nil || o.form != fFinite || o.elided || o.cue.Adj {
			continue
		}
		// a reported clause (its own verb group) stands between them
		for _, in := range gs[h+1 : k] {
			if in.subj != nil && in.explicit && !sameEnts(in.subj, o.subj) {
				return o
			}
		}
		return nil
	}
	return nil
}

// sameEnts reports whether two subjects name the same entities in order.
func sameEnts(a, b []*ent) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (d *doc) hasCompl(a, b int) bool {
	for i := a; i < b; i++ {
		if d.is(i, wCompl) {
			return true
		}
	}
	return false
}

// governed reports whether the mention starting at a is the object of a
// preposition (de la Maison Blanche, selon le Kremlin, in Moscow).
func (d *doc) governed(a int) bool {
	j := a - 1
	if j >= 0 && d.is(j, wDet) && !d.is(j, wPrep) {
		j--
	}
	if j < 0 {
		return false
	}
	if d.is(j, wPrep) {
		return true
	}
	// according to, d'après
	return d.f(j) == "apres" && d.f(j-1) == "d'"
}

// subjectAfter reads the subject of an incise verb: "le communiqué de la
// Maison Blanche", "la même source", "les manifestants", "Peskov".
func (d *doc) subjectAfter(i int, s [2]int) ([]*ent, int, int) {
	j := i
	for j < s[1] && d.ma(j) == nil && (d.phraseEnd(j, wAdverb) > 0 || d.isDateWordNoPrep(j)) {
		if e := d.phraseEnd(j, wAdverb); e > 0 {
			j = e
		} else {
			j++
		}
	}
	// "ont déclaré dans un communiqué commun X", "said in a joint statement X"
	if (d.f(j) == "dans" || d.f(j) == "in") && d.is(j+1, wDet) && d.ma(j+2) == nil {
		k := j + 2
		for k < j+4 && d.ma(k) == nil && d.phraseEnd(k, wDocNouns) < 0 && d.toks[k].k == kWord {
			k++ // joint, commun
		}
		if e := d.phraseEnd(k, wDocNouns); e > 0 {
			for e < s[1] && d.toks[e].k == kWord && !d.is(e, wDet) && d.ma(e) == nil && e < k+3 {
				e++
			}
			j = e
		}
	}
	a := j
	if j < s[1] && d.is(j, wDet) && d.ma(j) == nil {
		j++
	}
	// la même source, the same source
	if (d.f(j) == "meme" || d.f(j) == "same") && d.f(j+1) == "source" {
		if d.lastSource != nil && d.clauseEnd(j+2, s) {
			return []*ent{d.lastSource}, a, j + 2
		}
		return nil, 0, 0
	}
	// document nouns: le communiqué de X
	if e := d.phraseEnd(j, wDocNouns); e > 0 {
		k := e
		if d.is(k, wOf) {
			k++
			for d.is(k, wDet) && d.ma(k) == nil {
				k++
			}
			if m := d.ma(k); m != nil && m.a == k {
				r := d.resolve(m, k)
				if len(r) > 0 && (d.clauseEnd(m.b, s) || d.is(m.b, wPrep)) {
					return r, a, m.b
				}
			}
		}
		return nil, 0, 0
	}
	// "l'agence allemande DPA", "the news agency Tass": a media noun before the name
	if d.is(j, wMedia) || d.is(j+1, wMedia) && d.toks[j].k == kWord && !d.toks[j].cap && d.ma(j) == nil {
		for k := 0; k < 2 && j < s[1] && d.ma(j) == nil && d.is(j, wMedia); k++ {
			j++
		}
		if m := d.ma(j); m != nil && m.kind == mDemonym && d.ma(m.b) != nil && d.ma(m.b).kind != mDemonym {
			j = m.b // l'agence allemande DPA
		}
	}
	m := d.ma(j)
	if m == nil || m.a != j && !(m.a == a) {
		return nil, 0, 0
	}
	if !d.clauseEnd(m.b, s) && !d.is(m.b, wPrep) {
		return nil, 0, 0
	}
	r := d.resolve(m, j)
	if len(r) == 0 {
		return nil, 0, 0
	}
	// "… le président du Conseil, X, et le président de la Commission, Y": joint speakers
	end := m.b
	for {
		k := end
		if d.f(k) == "," {
			k++
		}
		if k >= s[1] || !d.is(k, wCoord) {
			break
		}
		k++
		m2 := d.ma(k)
		if m2 == nil || m2.a != k || m2.kind == mDemonym || m2.kind == mPronoun {
			break
		}
		r2 := d.resolve(m2, k)
		if len(r2) == 0 || !d.clauseEnd(m2.b, s) {
			break
		}
		r = append(r, r2...)
		end = m2.b
	}
	return dedupe(r), a, end
}

// clauseEnd reports whether token i closes a clause.
func (d *doc) clauseEnd(i int, s [2]int) bool {
	if i >= s[1] {
		return true
	}
	t := d.toks[i]
	if t.k == kPunct || t.k == kQuoteClose || t.k == kQuoteOpen {
		return true
	}
	if d.is(i, wCoord) || d.is(i, wAdverb) {
		return true
	}
	return strings.HasSuffix(t.f, "ant") || strings.HasSuffix(t.f, "ing")
}

func dedupe(es []*ent) []*ent {
	var out []*ent
	seen := map[*ent]bool{}
	for _, e := range es {
		if e != nil && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// statementsOf turns the sentence's cue groups into statements: nested
// reports give the inner statement with the outer speaker as source,
// incises give their subject as source of what precedes, "selon X" gives X.
func (d *doc) statementsOf(s [2]int, gs []*vgroup) {
	var cands []*vgroup
	for _, g := range gs {
		if g.cue != nil && g.subj != nil {
			if d.noSpeech(g, s) {
				continue
			}
			if (g.cue.Act == schema.ActState || g.cue.Act == schema.ActDiscuss) && g.cue.Negated == "" && !g.cue.Adj && d.negated(g) {
				continue // "n'a pas répondu", "did not comment": no speech to report
			}
			if g.explicit && !g.inverted && g.sa > s[0] && d.phraseStart(g.sa-1, wFreeRel) >= 0 && g.c1 < s[1] && d.toks[g.c1].k == kWord {
				continue // "hailed what he called the capitulation": a noun phrase of the verb before ("ce que Moscou dément." stays)
			}
			if (g.form == fParticiple || g.form == fGerund) && g.g > s[0] && d.f(g.g-1) == "," && d.appositive(gs, g) {
				continue // "Pashinyan, writing on Facebook, called …": the manner of the act after
			}
			cands = append(cands, g)
		}
	}
	// "Russia, he said, had promised …": the incise reports the clause around
	// it and says nothing of its own; a clause without a verb of saying
	// ("The talks, a diplomat said, would resume") stays the incise's statement
	for _, g := range cands {
		if g.via != nil && g.via.subj != nil {
			if d.irrealis(g) || g.cue.Adj {
				g.silent, g.content = true, true
				continue
			}
			g.via.silent = true
		}
	}
	// "Selon X, Moscou répondra …": a future act under a source is the source's claim
	if ms := d.sourceMarkers(s); len(ms) > 0 {
		kept := cands[:0]
		for _, g := range cands {
			if d.irrealis(g) && !g.inverted && g.g > ms[0].at {
				continue
			}
			kept = append(kept, g)
		}
		cands = kept
	}
	// "X a déclaré que A et qu'ils voyaient B": a pronoun after a second
	// complementizer goes on with the reporter's own report
	for i, in := range cands {
		m := d.ma(in.sa)
		if !in.explicit || in.inverted || m == nil || m.kind != mPronoun || in.sa < 2 || !d.is(in.sa-1, wCompl) || !d.is(in.sa-2, wCoord) {
			continue
		}
		for _, o := range cands[:i] {
			if o.form == fFinite && !o.inverted && o.subj != nil && o.c1 < in.sa && d.hasCompl(o.c1, in.sa-2) {
				in.subj = o.subj
				break
			}
		}
	}
	// "The White House said Biden had spoken with …, and that the leaders
	// had affirmed …": a second complement clause of the same verb of
	// saying is reported by its speaker too
	for i, in := range cands {
		if !in.explicit || in.inverted || in.source != nil || in.sa < 2 || !d.is(in.sa-1, wCompl) || !d.is(in.sa-2, wCoord) {
			continue
		}
		for k := i - 1; k >= 0; k-- {
			o := cands[k]
			if o.form != fFinite || o.inverted || o.content || len(o.subj) == 0 || o.c1 >= in.sa {
				continue
			}
			if !d.hasSemicolon(o.c1, in.sa) && !sameEnts(o.subj, in.subj) {
				in.source = o.subj[0]
			}
			break
		}
	}
	// "China's foreign ministry said … and that China supported …": a body
	// reporting its own state's stance states it itself
	for i, o := range cands {
		if o.form != fFinite || o.inverted || len(o.subj) != 1 || o.subj[0].typ == schema.TypeState {
			continue
		}
		for _, in := range cands[i+1:] {
			// (not an adjective: "said Russia was ready for talks" stays the
			// outer statement, whole, and "ready" must not read as a feeling)
			if in.explicit && !in.inverted && !in.cue.Adj && !d.copulaCue(in) && in.sa >= o.c1 && len(in.subj) == 1 && in.subj[0].typ == schema.TypeState &&
				(d.hasCompl(o.c1, in.sa) || d.onlyGlue(o.c1, in.sa)) && (d.namesIn(o.sa, o.sb, in.subj[0]) && !d.mediaSpan(o.sa, o.sb) || holdsOfficeOf(o.subj[0], in.subj[0])) {
				in.subj = o.subj
			}
		}
	}
	// nesting: X said (that) Y stressed …, "…, saying Y had thanked …"
	for i, o := range cands {
		if o.form != fFinite && !o.trailing || o.inverted {
			continue
		}
		for _, in := range cands[i+1:] {
			if !in.explicit || in.inverted || in.sa < o.c1 {
				continue
			}
			// a person's feeling told by another ("He said Putin was grateful
			// to …") is that person's stance, reported
			felt := in.cue.Adj && len(in.subj) == 1 && in.subj[0].typ == schema.TypePerson && !d.irrealis(in)
			if (d.irrealis(in) || in.cue.Adj && !felt || d.copulaCue(in) && !felt || o.cue.Act == schema.ActPropose && !o.trailing) && d.onlyGlue(o.c1, in.sa) {
				// "a suggéré que l'UE accorde …": what is proposed is content, not a report
				in.silent, in.content = true, true // "said Kyiv would never accept": content of the outer statement
				break
			}
			if d.onlyGlue(o.c1, in.sa) {
				o.silent = !o.trailing // ", saying Y had …" is an act of its own too
				if in.source == nil && len(o.subj) > 0 {
					in.source = o.subj[0]
				}
			}
			break
		}
	}
	// "X said Y had done A …, when he also proposed B": Y goes on within X's report
	for i, c := range cands {
		if c.source != nil || c.silent || i == 0 {
			continue
		}
		for _, p := range cands[:i] {
			if p.source != nil && !p.silent && sameEnts(p.subj, c.subj) && !d.hasSemicolon(p.c1, c.g) {
				c.source = p.source
			}
		}
	}
	// postposed attributions: « … », Peskov told reporters. / Russia will respond, Lavrov said.
	for i, g := range cands {
		if !g.explicit || g.inverted || g.elided || g.form != fFinite || g.sa <= s[0]+2 {
			continue
		}
		pi := g.sa - 1
		if d.is(pi, wDet) && pi-1 > s[0] {
			pi-- // ", the White House said"
		}
		pi = d.skipDescriptor(s, gs, pi)
		p := d.toks[pi]
		before := p.k == kQuoteClose || p.f == "," && d.toks[pi-1].k == kQuoteClose
		for _, h := range gs {
			if h.g < g.sa && h.g > s[0] {
				before = true // a clause of its own stands before the comma
			}
		}
		if words := d.wordCount(s[0], pi); words >= 5 && !d.is(s[0], wPrep) && !d.is(s[0], wCitedBy) && d.f(s[0]) != "according" && d.f(s[0]) != "selon" {
			before = true // "President Biden spoke with Putin on Tuesday, the White House said."
		}
		if !(p.f == "," || p.k == kQuoteClose) || !before {
			continue
		}
		rest := 0
		for k := g.c1; k < s[1]; k++ {
			if d.toks[k].k == kWord {
				rest++
			}
		}
		// right after a closing quote the attribution holds whatever follows
		// ("“…,” Biden said in a speech at …, accusing …")
		quoted := p.k == kQuoteClose || p.f == "," && d.toks[pi-1].k == kQuoteClose
		// "X welcomed the outcome, the Kremlin said, and voiced …": an
		// attribution closed by a comma before the first speaker goes on
		nx := g.c1
		for nx < s[1] && (d.is(nx, wAdverb) || d.isDateWord(nx)) {
			nx++
		}
		closed := d.f(nx) == "," && i+1 < len(cands)
		for _, h := range cands[i+1:] {
			if !h.elided || sameEnts(h.subj, g.subj) {
				closed = false
			}
		}
		if !quoted && !closed && (rest > 8 || i+1 < len(cands)) {
			continue
		}
		later := false
		for _, h := range gs {
			if h.g > g.c1 && !closed {
				later = true
			}
		}
		if !later {
			g.inverted = true
		}
	}
	// incises: « … », a ajouté le communiqué de la Maison Blanche
	prev := s[0]
	for _, v := range cands {
		if !v.inverted || v.g <= s[0] {
			continue
		}
		carried := false
		for _, in := range cands {
			if in == v || in.inverted || in.silent || in.g < prev || in.g >= v.g {
				continue
			}
			if d.irrealis(in) || in.cue.Adj {
				in.silent, in.content = true, true // "« Russia does not threaten anyone », he said": content of the incise
				if neg := in.cue.Negated; neg != "" && v.cue.Act == schema.ActState && d.negated(in) && d.inQuote[in.g] {
					// "« Nous ne reconnaîtrons pas … », a lancé X": the quoted refusal
					c := *v.cue
					c.Act = neg
					v.cue = &c
				}
				continue
			}
			if m := d.ma(in.sa); m != nil && m.kind == mPronoun && (m.pron == wWe || m.pron == wI) && d.inQuote[in.sa] {
				// "« Nous demandons … », a déclaré Ned Price": the quoted first
				// person is the incise's speaker, who says it all, with the quoted act
				in.silent, in.content = true, true
				if v.cue.Act == schema.ActState && !in.cue.We {
					v.cue = in.cue
					if neg := in.cue.Negated; neg != "" && d.negated(in) {
						// "« Nous ne reconnaîtrons pas … », a lancé X": the negated act
						c := *in.cue
						c.Act, c.Negated = neg, ""
						v.cue = &c
					}
				}
				continue
			}
			if in.source == nil && len(v.subj) == 1 && v.subj[0] != in.subj[0] {
				in.source = v.subj[0]
			}
			carried = true
		}
		if carried {
			v.silent = true
		} else {
			v.start = prev
		}
		prev = v.c1
	}
	// participles after the main verb and gerunds add to the statement before
	for i, g := range cands {
		if g.trailing && (!g.manner || (g.cue.Act != schema.ActState || !d.cueBefore(cands[:i])) && !(i > 0 && cands[i-1].cue.Act == g.cue.Act)) {
			continue // ", warning that …", ", saying …": a second act of the governing speaker
		}
		if (g.form == fParticiple && i > 0) || g.form == fGerund || g.form == fInfinitive {
			g.silent = true
		}
	}
	// "State media reported that Xi told … and that Beijing supported …":
	// a clause its own speaker reports goes on under that speaker's source
	for i, c := range cands {
		if len(c.subj) != 1 || c.source != c.subj[0] {
			continue
		}
		for _, p := range cands[:i] {
			if p.source != nil && p.source != c.subj[0] && sameEnts(p.subj, c.subj) && !d.hasSemicolon(p.c1, c.g) {
				c.source = p.source
			}
		}
	}
	// selon X / according to X
	markers := d.sourceMarkers(s)
	var out []*vgroup
	for _, g := range cands {
		if g.silent {
			continue
		}
		// "According to Xinhua, Xi said China was ready …": a source naming
		// the speaker as its own reporter leaves room for the marker
		if self := len(g.subj) == 1 && g.source == g.subj[0]; (g.source == nil || self) && len(markers) > 0 {
			var pick *srcMarker
			for k := range markers {
				if markers[k].at > g.c1 {
					pick = &markers[k]
					break
				}
			}
			if pick == nil {
				pick = &markers[len(markers)-1]
			} else if d.clauseBetween(cands, g, pick.at) {
				// "Macron confirmed …, while Germany pledged …, according to
				// the ministry": a closing source reports the last clause only
				pick = nil
			}
			if pick != nil {
				g.source = pick.ent
			}
		}
		out = append(out, g)
	}
	// evidence spans
	for i, g := range out {
		switch {
		case g.inverted && g.start >= s[0] && g.start < g.g:
			// content before the incise
			g.start = d.skipLead(g.start, min(g.g, g.sa))
			g.end = max(g.sb, g.c1)
		case g.explicit && !g.inverted && (g.g-g.sb <= 6 || d.f(g.sb) == ",") && g.sa < g.g:
			g.start = g.sa
		default:
			g.start = g.g
		}
		if !g.inverted {
			g.end = s[1]
			if i+1 < len(out) && out[i+1].start > g.start {
				g.end = out[i+1].start
			} else if i+1 < len(out) {
				if st := out[i+1].sa; out[i+1].explicit && st > g.start {
					g.end = st
				} else if out[i+1].g > g.start {
					g.end = out[i+1].g
				}
			}
		}
		g.end = d.trimEnd(g.start, g.end)
	}
	for _, g := range out {
		d.emit(g, s)
	}
	// « … » alone after a statement: the same speaker goes on
	if len(cands) == 0 && len(markers) == 0 && d.toks[s[0]].k == kQuoteOpen && d.lastSaid != nil &&
		d.toks[s[0]].sent-1 == d.lastSaidSent && s[1]-s[0] >= 5 {
		g := &vgroup{g: s[0], c0: s[0], c1: s[0], subj: d.lastSaid, start: s[0], end: s[1], conf: 0.6, explicit: true}
		d.emitAct(g, s, schema.ActState, "quotation after a statement")
	}
	// "Selon le Pentagone, la Russie a massé des troupes": a claim of the source itself
	if len(cands) == 0 && len(markers) > 0 && s[1]-s[0] >= 6 {
		m := markers[0]
		subj := m.all
		if len(subj) == 0 {
			subj = []*ent{m.ent}
		}
		g := &vgroup{g: s[0], c0: s[0], c1: s[0], subj: subj, start: s[0], end: d.trimEnd(s[0], s[1]), conf: 0.55, explicit: true}
		act := schema.ActState
		if a := d.evaluation(s[0], s[1]); a != "" {
			act = a // "Dans la bouche du ministre, la proposition n'est qu'une provocation"
		}
		d.emitAct(g, s, act, "selon/according to")
	}
	// a communiqué's "we" states what it does: "We have worked in good faith
	// to keep the deal alive" (a clause of its own, no verb of saying)
	before := len(d.statements)
	if d.communique && len(d.signers) > 0 {
		d.weVoice(s, gs, out)
	}
	// the rest of a communiqué's own voice, present or future
	if d.communique && len(d.signers) > 0 && len(out) == 0 {
		defer func() {
			if len(d.statements) == before {
				d.ownVoice(s, gs)
			}
		}()
	}
	// a communiqué's own voice: "Toute nouvelle tentative … aurait de graves conséquences."
	if d.communique && len(d.signers) > 0 && len(out) == 0 {
		for _, c := range within(d.cue, s[0], s[1]) {
			if c.p.kind == pPhrase {
				act := d.m.phrases[c.p.idx].Act
				g := &vgroup{g: s[0], c0: c.a, c1: c.b, subj: d.signers, start: s[0], end: d.trimEnd(s[0], s[1]), conf: 0.6}
				d.emitAct(g, s, act, "phrase: "+d.surface(c.a, c.b))
				break
			}
		}
	}
}

// sentenceSubject returns the sentence's opening actor before token end: the
// first mention not governed by a preposition, after a dateline
// ("VILNIUS, Dec 16 - ") and not a place. Nil when none stands there.
func (d *doc) sentenceSubject(s [2]int, end int) *mention {
	a := s[0]
	for i := s[0]; i < min(end, s[0]+10); i++ {
		if f := d.f(i); f == "-" || f == "—" || f == "–" {
			a = i + 1
		}
	}
	for i := a; i < end; i++ {
		if d.f(i) == "," && i == a {
			return nil
		}
		m := d.ma(i)
		if m == nil || m.a != i {
			continue
		}
		if d.governed(m.a) || m.kind == mDemonym {
			i = m.b - 1
			continue
		}
		for _, e := range m.refs() {
			if e.typ == schema.TypePlace {
				return nil
			}
		}
		return m
	}
	return nil
}

// noMention reports whether no mention covers tokens [a, b).
func (d *doc) noMention(a, b int) bool {
	for i := a; i < b; i++ {
		if d.ma(i) != nil {
			return false
		}
	}
	return true
}

// nounAfter are the words after which a verb's form is a noun: "of support".
var nounAfter = map[string]bool{"of": true, "our": true, "their": true, "its": true, "his": true, "her": true}

// contentAct reads the act a plain report carries in its content clause: an
// obligation put on another party (must, doit, should) calls on it; a
// negated acceptance (would not accept, ne reconnaîtrait jamais) rejects.
// Empty when the content says neither.
func (d *doc) contentAct(g *vgroup) schema.Act {
	end := min(g.end, g.c1+12)
	for i := g.c1; i < end; i++ {
		if d.f(i) == "," || d.f(i) == ";" {
			break
		}
		switch d.f(i) {
		case "must", "doit", "doivent", "devrait", "devraient", "should":
			return schema.ActCallOn
		}
		if d.is(i, wNeg) {
			for _, c := range within(d.cue, i, min(i+4, end)) {
				if c.p.kind == pVerb && d.m.verbs[c.p.idx].Negated != "" {
					return d.m.verbs[c.p.idx].Negated
				}
			}
		}
	}
	return ""
}

// personOfGender returns the latest person mentioned before token pos whose
// gender is g (or unknown), looking back a few sentences.
func (d *doc) personOfGender(pos int, g byte) *ent {
	for k := pos - 1; k >= 0 && k > pos-200; k-- {
		m := d.ma(k)
		if m == nil {
			continue
		}
		for _, e := range m.refs() {
			if e.typ == schema.TypePerson && (e.gender == 0 || e.gender == g) {
				return e
			}
		}
		k = m.a
	}
	return nil
}

// copulaCue reports whether a group's cue is a copula with an adjective
// ("remained committed", "reste déterminée"): a state the content reports,
// not a speech act, when another verb of saying governs it.
func (d *doc) copulaCue(g *vgroup) bool {
	f := d.f(g.c0)
	return strings.HasPrefix(f, "remain") || strings.HasPrefix(f, "rest")
}

// negated reports whether a verb group carries its own negation: ne … pas /
// jamais, not, never, cannot (words.json "verbNeg"). A French second
// particle after the verb ("negAfter": pas, jamais, plus) negates only with
// its "ne" a few words before: "a-t-il ajouté plus tard" is no negation.
func (d *doc) negated(g *vgroup) bool {
	for i := max(g.g-1, 0); i < g.c0; i++ {
		if d.is(i, wVerbNeg) {
			return true
		}
	}
	ne := false
	for i := max(g.g-4, 0); i < g.c0; i++ {
		ne = ne || d.is(i, wVerbNeg)
	}
	for i := g.c1; i < min(g.c1+2, len(d.toks)); i++ {
		if d.is(i, wNegAfter) && (ne || d.lang != langFR) {
			return true
		}
	}
	return false
}

// hasSemicolon reports whether a ; or : separates tokens [a, b).
func (d *doc) hasSemicolon(a, b int) bool {
	for i := a; i < b; i++ {
		if d.f(i) == ";" || d.f(i) == ":" {
			return true
		}
	}
	return false
}

// cueBefore reports whether a finite verb of saying of its own stands among gs.
func (d *doc) cueBefore(gs []*vgroup) bool {
	for _, g := range gs {
		if g.form == fFinite && !g.silent {
			return true
		}
	}
	return false
}

// irrealis reports whether a verb group is future, conditional, modal or
// negated ("Kyiv would never accept"): content, not a reported speech act.
func (d *doc) irrealis(g *vgroup) bool {
	if f := d.f(g.c1 - 1); d.lang == langFR && g.c1 == g.c0+1 && (strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront") || strings.HasSuffix(f, "rait") || strings.HasSuffix(f, "raient")) {
		return true // "Moscou répondra": a future, not a report
	}
	for i := g.g; i < g.c0; i++ {
		switch d.f(i) {
		case "would", "will", "could", "should", "may", "might", "can", "must", "shall", "not", "never", "n't",
			"sera", "seront", "serait", "seraient", "pourrait", "pourraient", "devrait", "devraient", "va", "vont",
			"ne", "n'", "jamais", "pas", "peut", "peuvent", "doit", "doivent":
			return true
		}
	}
	return false
}

func (d *doc) wordCount(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if d.toks[i].k == kWord {
			n++
		}
	}
	return n
}

// onlyGlue reports whether tokens [a,b) hold nothing but a complementizer,
// quotes, commas, adverbs and the hearer (words.json "audience", or a name
// right after the verb or à/to): "X a affirmé que Y …", "he said they …",
// "told reporters that Y …", "a déclaré à l'AFP que Y …".
func (d *doc) onlyGlue(a, b int) bool {
	for i := a; i < b; i++ {
		t := d.toks[i]
		f := d.f(i)
		if f == "in" || f == "dans" {
			// "said in a statement that", "a déclaré dans un communiqué que"
			skipped := false
			for k := i + 1; k < min(b, i+4); k++ {
				if e := d.phraseEnd(k, wDocNouns); e > 0 && e <= b {
					i, skipped = e-1, true
					break
				}
			}
			if skipped {
				continue
			}
		}
		if d.is(i, wCompl) || t.k == kQuoteOpen || t.k == kQuoteClose || t.f == "," || d.is(i, wAdverb) ||
			d.is(i, wDet) && i == b-1 {
			continue
		}
		// the hearer: "told reporters that", "a déclaré à l'AFP que", "warned Tehran that"
		if e := d.phraseEnd(i, wAudience); e > 0 && e <= b {
			i = e - 1
			continue
		}
		if (d.text[t.s:t.e] == "à" || f == "au" || f == "aux" || f == "to") && i == a || d.is(i, wDet) && i+1 < b && d.ma(i+1) != nil {
			continue
		}
		if m := d.ma(i); m != nil && m.a == i && m.b <= b && (i == a || d.f(i-1) == "to" || d.f(i-1) == "à" || d.is(i-1, wDet)) {
			i = m.b - 1
			continue
		}
		return false
	}
	return true
}

func (d *doc) skipLead(a, b int) int {
	for a < b && (d.toks[a].k == kPunct || d.is(a, wCoord)) && d.toks[a].k != kQuoteOpen {
		a++
	}
	return a
}

// trimEnd drops trailing commas, coordinators and opening quotes.
func (d *doc) trimEnd(a, b int) int {
	for b > a+1 {
		t := d.toks[b-1]
		if t.f == "," || t.f == ";" || t.f == ":" || t.k == kQuoteOpen || d.is(b-1, wCoord) || t.f == "-" || t.f == "." || danglingWords[t.f] {
			b--
			continue
		}
		break
	}
	return b
}

// danglingWords open a clause that the evidence span no longer holds.
var danglingWords = map[string]bool{"which": true, "who": true, "whom": true, "while": true, "when": true, "whereas": true,
	"qui": true, "dont": true, "lequel": true, "laquelle": true, "tandis": true, "alors": true}

type srcMarker struct {
	at  int
	ent *ent
	all []*ent // coordinated sources: "according to Kyiv and Washington"
}

// sourceMarkers finds "selon X", "d'après X", "according to X" in a sentence.
func (d *doc) sourceMarkers(s [2]int) []srcMarker {
	var out []srcMarker
	for i := s[0]; i < s[1]; i++ {
		j := -1
		switch {
		case d.f(i) == "selon":
			j = i + 1
		case d.f(i) == "d'" && d.f(i+1) == "apres":
			j = i + 2
		case d.f(i) == "according" && d.f(i+1) == "to":
			j = i + 2
		case d.is(i, wMouthOf):
			j = d.phraseEnd(i, wMouthOf) // "dans la bouche du ministre X", "in the words of X": X speaks
		case d.is(i, wCitedBy):
			j = d.phraseEnd(i, wCitedBy) // "Cité par IRNA, M. Shamkhani a …", "quoted by Tass"
		case i == s[0] && (d.f(i) == "pour" || d.f(i) == "for" || d.f(i) == "aux" && d.f(i+1) == "yeux"):
			// "Pour le Kremlin, …", "For Moscow, …": the view of X
			k := i + 1
			if d.f(i) == "aux" {
				k = i + 3
			}
			for k < s[1] && d.is(k, wDet) && d.ma(k) == nil {
				k++
			}
			if m := d.ma(k); m != nil && m.a == k && d.f(m.b) == "," && m.kind != mPronoun {
				j = k
			}
		}
		if j < 0 {
			continue
		}
		for j < s[1] && d.is(j, wDet) && d.ma(j) == nil {
			j++
		}
		switch d.f(j) {
		case "lui", "elle", "him", "her", "eux", "them":
			// "D'après lui": the latest person of that gender
			g := byte('m')
			if f := d.f(j); f == "elle" || f == "her" {
				g = 'f'
			}
			var who *ent
			for _, e := range d.lastSubj {
				if e.typ == schema.TypePerson && (e.gender == 0 || e.gender == g) {
					who = e
					break
				}
			}
			if who == nil {
				who = d.personOfGender(i, g)
			}
			if who != nil {
				out = append(out, srcMarker{i, who, nil})
			}
			continue
		}
		if (d.f(j) == "meme" || d.f(j) == "same") && d.f(j+1) == "source" && d.lastSource != nil {
			out = append(out, srcMarker{i, d.lastSource, nil})
			continue
		}
		doc := false
		if e := d.phraseEnd(j, wDocNouns); e > 0 {
			j, doc = e, true
			for j < s[1] && (d.is(j, wOf) || d.is(j, wDet)) && d.ma(j) == nil {
				j++
			}
		}
		// "d'après l'agence Ria Novosti", "according to the news agency Tass"
		agent := false
		for k := 0; k < 4 && j < s[1] && d.ma(j) == nil && d.toks[j].k == kWord && !d.toks[j].cap; k++ {
			agent = agent || d.is(j, wAgent)
			j++
		}
		if agent && !doc {
			continue // "according to tallies released by both sides": figures, no one's statement ("the text published by X" is X's)
		}
		if m := d.ma(j); m != nil && m.a <= j && m.kind == mDemonym {
			if n := d.ma(m.b); n != nil && n.a == m.b && n.kind != mDemonym {
				j = m.b // "l'agence russe Interfax": the agency, not the state
			} else if m.b < s[1] && d.toks[m.b].k == kWord && !d.toks[m.b].cap {
				continue // "according to Russian news agencies": no one source
			}
		}
		if m := d.ma(j); m != nil && m.a <= j {
			if r := d.resolve(m, j); len(r) > 0 {
				// "selon Kiev et Washington", "according to Ukraine and the
				// United States": each coordinated name is a source
				for e := m.b; d.is(e, wCoord) && e+1 < s[1]; {
					k := e + 1
					for k < s[1] && d.is(k, wDet) && d.ma(k) == nil {
						k++
					}
					n := d.ma(k)
					if n == nil || n.a != k || n.kind == mPronoun || n.kind == mDemonym {
						break
					}
					r = append(r, d.resolve(n, k)...)
					e = n.b
				}
				out = append(out, srcMarker{i, r[0], dedupe(r)})
			}
		}
	}
	return out
}

// emit writes the statements of a cue group, one per speaker.
func (d *doc) emit(g *vgroup, s [2]int) {
	act := g.cue.Act
	cue := d.surface(g.c0, g.c1)
	if d.noSpeech(g, s) {
		return
	}
	if g.cue.Negated != "" && d.negated(g) {
		act = g.cue.Negated // "nous ne reconnaîtrons jamais" rejects
	} else if (act == schema.ActExpressSupport || act == schema.ActAgree) && d.negated(g) {
		act = schema.ActReject // "we do not support the policy", "n'accepte pas"
	}
	// light verbs take the act of the noun in their object; a verb that
	// stresses (réitérer, rappeler) yields only to concern
	noun := false
	if g.cue.Light {
		for _, c := range within(d.cue, g.c1, g.c1+7) {
			if c.a < g.end && c.p.kind == pVerb && c.a > 0 && nounAfter[d.f(c.a-1)] && act == schema.ActState {
				act = d.m.verbs[c.p.idx].Act // "a statement of support": the verb's form used as a noun
				noun = true
				cue += " … " + d.surface(c.a, c.b)
				break
			}
			if c.a < g.end && c.p.kind == pNoun {
				noun = true
				if na := d.m.nouns[c.p.idx].Act; act == schema.ActState || na == schema.ActExpressConcern {
					act = na
					cue += " … " + d.surface(c.a, c.b)
				}
				break
			}
			if c.a >= g.c1+7 {
				break
			}
		}
	}
	if g.cue.Light && !noun && g.c0 > 0 && d.is(g.c0-1, wReflexive) {
		return // "qui s'exprimait à ses côtés": speaking, nothing said
	}
	if g.cue.NeedsNoun && !noun {
		return // "registered a company": no speech without its noun
	}
	// "affirmed their unwavering support", "confirms its long-standing
	// support", "explained his determination": a plain verb of saying takes
	// the act of the noun heading its object (a verb that stresses keeps
	// its own: "a souligné son attachement")
	if !noun && act == schema.ActState {
		if na, at := d.objectNoun(g, false); na != "" {
			act = na
			cue += " … " + d.toks[at].f
		}
	}
	// "a assuré vouloir …": a plain report takes the act of the verb it
	// governs; "s'est dit « profondément préoccupé »" that of the adjective
	if act == schema.ActState {
		for _, c := range within(d.cue, g.c1, g.c1+4) {
			if c.p.kind == pVerb && c.a < g.end && (c.a < g.c1+2 || d.m.verbs[c.p.idx].Adj && !d.hasCompl(g.c1, c.a) && d.noMention(g.c1, c.a)) {
				if va := d.m.verbs[c.p.idx].Act; va != schema.ActAgree {
					act = va
					cue += " " + d.surface(c.a, c.b)
					break
				}
			}
		}
	}
	// what the report says: "said Armenia must withdraw" calls on,
	// "said Ankara would not accept" rejects
	if act == schema.ActState {
		if a := d.contentAct(g); a != "" {
			act = a
		}
	}
	if act == schema.ActState || act == schema.ActStress {
		if a := d.negatedContent(g); a != "" {
			act = a // "insisted Iran had never sought weapons" denies, "said it would not yield" rejects
		}
	}
	if act == schema.ActState || act == schema.ActStress {
		// a manner adverb (firmly, fermement) warns only of a response:
		// "stood firmly behind Ukraine" is support, "will respond firmly" a threat
		manner, response := false, false
		for i := g.c1; i < g.end; i++ {
			switch {
			case d.is(i, wWarnWords):
				act = schema.ActWarn
			case d.is(i, wMannerWords):
				manner = true
			}
			if f := d.f(i); strings.HasPrefix(f, "repond") || strings.HasPrefix(f, "respond") || strings.HasPrefix(f, "reag") ||
				strings.HasPrefix(f, "react") || f == "reponse" || f == "response" {
				response = true
			}
		}
		if manner && response {
			act = schema.ActWarn
		}
	}
	if act == schema.ActState || act == schema.ActStress || g.cue.Naming && act == g.cue.Act {
		if a := d.evaluation(g.c1, min(g.end, g.c1+20)); a != "" {
			act = a // "said the deployments were highly dangerous" criticizes; a threat warns first
		}
	} else if act == schema.ActCriticize {
		// "denounced the move as a betrayal", "a dénoncé une trahison": an
		// accusation named in the object makes the criticism an accusation
		if a := d.evaluation(g.c1, min(g.end, g.c1+12)); a == schema.ActAccuse {
			act = a
		}
	}
	if act == schema.ActState && d.ownFuture(g) {
		act = schema.ActExpressIntent // "said he would not sign", "a assuré que Pékin continuerait à …"
	}
	d.emitAct(g, s, act, cue)
}

// objectNoun returns the act of a noun cue heading the object right after
// group g and its position: a possessive (their, leur, our) or, when def is
// set, any determiner, then at most two modifiers ("their unwavering
// support", "le soutien de la France"). Empty when the object is no cue
// noun or is the subject of a clause ("said their proposal was …").
func (d *doc) objectNoun(g *vgroup, def bool) (schema.Act, int) {
	j := g.c1
	for j < g.end && d.phraseEnd(j, wAdverb) > 0 && d.ma(j) == nil {
		j = d.phraseEnd(j, wAdverb)
	}
	poss := d.is(j, wPoss) || d.is(j, wWe) && d.is(j, wDet)
	if !poss && !(def && d.is(j, wDet) && !d.is(j, wCompl)) || d.ma(j) != nil && d.ma(j).kind != mPronoun {
		return "", 0
	}
	j++
	for n := 0; n < 3 && j < g.end; n++ {
		for _, c := range within(d.cue, j, j+1) {
			if c.a != j || c.p.kind != pNoun && c.p.kind != pVerb {
				continue
			}
			if k := c.b; d.is(k, wAux) || d.is(k, wModal) || d.is(k, wBeForms) {
				return "", 0 // "said their proposal was …": a clause's subject
			}
			if c.p.kind == pNoun {
				return d.m.nouns[c.p.idx].Act, j
			}
			if v := d.m.verbs[c.p.idx]; !v.Adj && !v.Light && v.Act != schema.ActState && v.Act != schema.ActStress {
				return v.Act, j // "their support": the verb's form as a noun
			}
			return "", 0
		}
		if d.toks[j].k != kWord || d.toks[j].cap || d.ma(j) != nil || d.is(j, wPrep) || d.is(j, wAux) || d.is(j, wCompl) {
			break
		}
		j++ // a modifier: unwavering, long-standing, full
	}
	return "", 0
}

// holdsOfficeOf reports whether person p holds an office of state st
// ("U.S. Ambassador X said Washington supported …": X's own state).
func holdsOfficeOf(p, st *ent) bool {
	if p.typ != schema.TypePerson {
		return false
	}
	for _, r := range p.roles {
		if r.of == st {
			return true
		}
	}
	return false
}

// prepAfter reports whether the clause from token a (before b) holds the
// preposition a call is made with: à, au, de, pour / to, for.
func (d *doc) prepAfter(a, b int) bool {
	for i := a; i < b; i++ {
		f := d.f(i)
		if f == "," || f == ";" || f == "." || d.is(i, wCompl) && !d.is(i, wDet) {
			return false
		}
		if d.lang == langFR && (f == "a" || f == "au" || f == "aux" || f == "de" || f == "d'" || f == "du" || f == "des" || f == "pour") ||
			d.lang == langEN && (f == "to" || f == "for") {
			return true
		}
	}
	return false
}

// ownFuture reports whether the content a plain report governs opens with
// the speaker's own side — the speaker, a pronoun, the speaker's state or
// body, "his government" — and a future or conditional verb: "said he would
// keep pressing", "stated that the Republic of Korea will withdraw", "a
// assuré que Pékin continuerait à jouer un rôle". What the speaker says of
// others' future stays a statement.
func (d *doc) ownFuture(g *vgroup) bool {
	if g.inverted || len(g.subj) == 0 {
		return false
	}
	end := min(g.end, g.c1+14)
	j := g.c1
	for j < end && (d.is(j, wCompl) || d.is(j, wAudience) || d.isDateWordNoPrep(j) || d.phraseEnd(j, wAdverb) > 0 && d.ma(j) == nil) {
		j++
	}
	side := map[*ent]bool{}
	for _, sp := range g.subj {
		side[sp] = true
		for _, r := range sp.roles {
			side[r.of] = true
		}
		if sp.lex != nil && sp.lex.Of != "" {
			for _, e := range d.order {
				if e.typ == schema.TypeState && e.name == sp.lex.Of {
					side[e] = true
				}
			}
		}
	}
	own := false
	if m := d.ma(j); m != nil && m.a == j {
		if m.kind == mPronoun {
			own = m.pron != wI
		} else {
			for _, e := range d.resolve(m, m.a) {
				own = own || side[e]
			}
		}
		j = m.b
		// "Japan and the Republic of Korea will continue": coordinated parties
		for n := 0; n < 4 && (d.is(j, wCoord) || d.f(j) == ","); n++ {
			o := d.ma(j + 1)
			if o == nil || o.a != j+1 {
				break
			}
			for _, e := range d.resolve(o, o.a) {
				own = own || side[e]
			}
			j = o.b
		}
	} else if d.is(j, wPoss) && j+1 < end && d.is(j+1, wGovNouns) {
		own, j = true, j+2 // "his government would …"
	} else if d.is(j, wHeM) || d.is(j, wHeF) || d.is(j, wThey) || d.is(j, wWe) || d.f(j) == "it" {
		own, j = true, j+1 // a pronoun no mention holds: "it would impose"
	}
	if !own {
		return false
	}
	for j < end && d.phraseEnd(j, wAdverb) > 0 && d.ma(j) == nil {
		j = d.phraseEnd(j, wAdverb)
	}
	if d.is(j, wWillAux) || d.is(j, wFutureAux) && d.f(j) != "could" && d.f(j) != "can" && d.f(j) != "ca" {
		return true
	}
	if d.is(j, wBeForms) && d.intentAdjAt(j+1) {
		return true // "said China was ready to deepen …", "que Paris était prête à …"
	}
	f := d.f(j)
	return d.lang == langFR && d.toks[j].k == kWord && len(f) > 5 && d.ma(j) == nil && !d.is(j, wAux) &&
		(strings.HasSuffix(f, "rait") || strings.HasSuffix(f, "raient") || strings.HasSuffix(f, "era") || strings.HasSuffix(f, "eront") ||
			strings.HasSuffix(f, "ira") || strings.HasSuffix(f, "iront"))
}

// intentAdjAt reports whether an adjective cue of intent (ready, prêt,
// determined) starts at token i, after any adverbs.
func (d *doc) intentAdjAt(i int) bool {
	for n := 0; n < 3 && d.phraseEnd(i, wAdverb) > 0 && d.ma(i) == nil; n++ {
		i = d.phraseEnd(i, wAdverb)
	}
	for _, c := range within(d.cue, i, i+1) {
		if c.a == i && c.p.kind == pVerb {
			if v := d.m.verbs[c.p.idx]; v.Adj && v.Act == schema.ActExpressIntent {
				return true
			}
		}
	}
	return false
}

// noSpeech reports whether a cue group with a subject reports no speech
// of its own: a "we" verb out of a first-person plural voice ("Russia
// continues to mass troops" is a deed), or a negated cue after another verb
// of saying ("said Kyiv would never accept" is that report's content).
// Such groups neither make a statement nor end the evidence of the one before.
func (d *doc) noSpeech(g *vgroup, s [2]int) bool {
	if d.is(g.c0-1, wBeForms) && strings.HasSuffix(d.f(g.c1-1), "ed") && d.f(g.c1) == "to" {
		return true // "the Council is expected to vote", "was asked to": a passive, nobody speaks
	}
	if g.cue.We {
		if m := d.ma(g.sa); m == nil || m.kind != mPronoun || m.pron != wWe {
			return true
		}
	}
	if g.cue.NeedsPrep && !d.prepAfter(g.c1, min(s[1], g.c1+12)) {
		return true // "que Pékin appelle Ren'ai Jiao": a name given, no call
	}
	if g.cue.Negated != "" && d.negated(g) {
		for _, c := range within(d.cue, s[0], g.g) {
			if c.p.kind == pVerb && c.b <= g.g {
				return true
			}
		}
	}
	return false
}

func (d *doc) emitAct(g *vgroup, s [2]int, act schema.Act, cue string) {
	if g.end <= g.start {
		g.end = d.trimEnd(g.start, s[1])
		if g.end <= g.start {
			return
		}
	}
	speakers := g.subj
	if d.communique && len(d.signers) > 0 {
		speakers = d.asSigners(speakers)
	}
	ev := d.span(g.start, g.end)
	// content: what follows the cue, without the complementizer
	ca := g.c1
	for ca < g.end && (d.is(ca, wCompl) || d.f(ca) == "de" || d.f(ca) == "d'" || d.toks[ca].k == kQuoteOpen || d.f(ca) == "on") {
		ca++
	}
	if g.inverted && g.start < min(g.g, g.sa) {
		ca = g.start
	}
	content := ""
	if ca < g.end {
		ce := g.end
		if g.inverted && g.start < min(g.g, g.sa) {
			ce = d.trimEnd(g.start, min(g.g, g.sa))
		}
		content = d.surface(ca, ce)
	}
	var target *ent
	if act == schema.ActCallOn || act == schema.ActPropose || act == schema.ActWarn {
		j := g.c1
		for j < g.end && d.ma(j) == nil && (d.is(j, wAdverb) || d.is(j, wDet) || d.is(j, wTargetGlue)) {
			j++
		}
		if m := d.ma(j); m != nil && j < g.end {
			if r := d.resolve(m, j); len(r) == 1 {
				target = r[0]
			}
		}
	}
	var about []string
	seen := map[string]bool{}
	for i := ca; i < g.end; i++ {
		m := d.ma(i)
		if m == nil || m.a != i || m.kind == mPronoun || m.kind == mTitle && !m.ti.resolv {
			continue
		}
		for _, e := range m.refs() {
			if e == target || seen[e.id] {
				continue
			}
			seen[e.id] = true
			about = append(about, e.id)
		}
	}
	sort.Strings(about)
	conf := g.conf
	if conf == 0 {
		conf = 0.85
		if !g.explicit || g.elided {
			conf = 0.7
		}
		if len(speakers) > 1 {
			conf -= 0.05
		}
	}
	if strings.Contains(schema.Fold(d.surface(g.g, g.c1)), "aurait") {
		conf -= 0.1
	}
	if act == schema.ActAgree && g.source == nil && len(speakers) > 1 && !d.continuesAfter(g.c1) && !d.sharedView(g) && !d.communique {
		return // parties agreeing on something new in the article's own voice: an AGREEMENT event
	}
	codes := d.m.codes[string(act)]
	for _, sp := range speakers {
		if sp == nil {
			continue
		}
		st := schema.Statement{Speaker: sp.id, Act: act, Content: content, About: about, Evidence: ev,
			Date: d.a.Date, Confidence: conf, Cue: cue, CAMEO: codes.CAMEO, PLOVER: codes.PLOVER, Article: d.a.ID}
		if st.About == nil {
			st.About = []string{}
		}
		if target != nil && target != sp {
			st.Target = target.id
		}
		if g.source != nil && g.source != sp {
			st.AccordingTo = g.source.id
			d.lastSource = g.source
		}
		st.ID = schema.StatementIRI(d.a.ID, ev, sp.id)
		d.statements = append(d.statements, st)
	}
	d.lastSaid, d.lastSaidSent = speakers, d.toks[g.start].sent
}

// asSigners maps the states of a communiqué's signatories, and the
// communiqué's "nous", to the signatories themselves.
func (d *doc) asSigners(es []*ent) []*ent {
	var out []*ent
	for _, e := range es {
		mapped := false
		if e.typ == schema.TypeState {
			for _, p := range d.signers {
				for _, r := range p.roles {
					if r.of == e {
						out = append(out, p)
						mapped = true
						break
					}
				}
			}
		}
		if !mapped {
			out = append(out, e)
		}
	}
	return dedupe(out)
}

// updateState moves the discourse state past a sentence: the latest
// subject, person, group of persons and organization.
func (d *doc) updateState(s [2]int, gs []*vgroup) {
	subjects := false
	for _, g := range gs {
		if len(g.subj) > 0 {
			subjects = true
		}
	}
	if !subjects {
		// "The Russian leader struck a more upbeat tone. He said …": the
		// sentence's opening actor is the antecedent even without a verb of saying
		if m := d.sentenceSubject(s, s[1]); m != nil && m.kind != mPronoun {
			r := d.resolve(m, m.a)
			if len(r) == 0 && m.kind == mTitle {
				r = d.apposedPerson(s, m) // "Le fondateur du parti, le milliardaire X, apparaît …"
			}
			if len(r) == 1 && r[0].typ == schema.TypePerson {
				d.lastSubj = r
				d.lastPerson = r[0]
			}
		}
	}
	cueSeen, mainSet := false, false
	var mainPerson *vgroup
	for _, g := range gs {
		if len(g.subj) == 0 || g.inverted && g.silent || g.content || g.cue == nil && cueSeen {
			continue // the subject of reported content is no antecedent
		}
		if mainPerson != nil && g.explicit && !g.inverted && g.sa > mainPerson.c1 && d.hasCompl(mainPerson.c1, g.sa) && !sameEnts(g.subj, mainPerson.subj) {
			nonPerson := true
			for _, e := range g.subj {
				nonPerson = nonPerson && e.typ != schema.TypePerson
			}
			if nonPerson {
				continue // "Le porte-parole a affirmé que …, comme les Philippines s'y étaient engagées": a state inside a person's report
			}
		}
		if g.relative && mainSet {
			continue // "X a dénoncé les propos de Y, qui …": the main clause's subject stays the antecedent
		}
		mainSet = mainSet || g.explicit && !g.relative && !g.inverted
		if g.cue != nil {
			cueSeen = true
			if mainPerson == nil && g.form == fFinite && g.explicit && !g.inverted && len(g.subj) == 1 && g.subj[0].typ == schema.TypePerson {
				mainPerson = g
			}
		}
		d.lastSubj = g.subj
		if len(g.subj) == 1 && g.subj[0].typ == schema.TypePerson {
			d.lastPerson = g.subj[0]
		}
		var ps []*ent
		for _, e := range g.subj {
			if e.typ == schema.TypePerson {
				ps = append(ps, e)
			}
		}
		if len(ps) > 1 {
			d.lastGroup = ps
		}
	}
	// "Russia's ambassador, X, voted in favour even though the Council
	// rejected …": the sentence's opening person is the latest person
	// when no person was a subject
	if personSubj := func() bool {
		for _, g := range gs {
			for _, e := range g.subj {
				if e.typ == schema.TypePerson {
					return true
				}
			}
		}
		return false
	}(); subjects && !personSubj {
		if m := d.sentenceSubject(s, s[1]); m != nil && m.kind != mPronoun && !d.inQuote[m.a] {
			if r := d.resolve(m, m.a); len(r) == 1 && r[0].typ == schema.TypePerson {
				d.lastPerson = r[0]
			}
		}
	}
	// office phrases outside subjects are aliases too: "la réponse du président russe"
	for i := s[0]; i < s[1]; i++ {
		m := d.ma(i)
		if m == nil || m.a != i || m.kind != mTitle || m.ti.resolv || m.plural || len(m.ti.of) == 0 {
			continue
		}
		if m.ti.role == "counterpart" || m.ti.role == "official" {
			continue
		}
		if r := d.resolveTitle(m, i); len(r) == 1 && r[0].typ == schema.TypePerson {
			d.alias(r[0], d.surface(m.a, m.ti.tb))
		}
	}
	// coordinated persons anywhere: "between A, B and C"
	var run []*ent
	last := -1
	flush := func() {
		if len(run) > 1 {
			d.lastGroup = dedupe(run)
		}
		run = nil
	}
	for i := s[0]; i < s[1]; i++ {
		m := d.ma(i)
		if m == nil || m.a != i {
			continue
		}
		r := m.refs()
		if len(r) == 1 && r[0].typ == schema.TypePerson {
			if last >= 0 && d.onlyCoord(last, i) {
				run = append(run, r[0])
			} else {
				flush()
				run = []*ent{r[0]}
			}
			last = m.b
			if len(run) == 1 && d.lastPerson == nil {
				d.lastPerson = r[0]
			}
		}
	}
	flush()
	if len(d.lastSubj) == 0 {
		for i := s[0]; i < s[1]; i++ {
			if m := d.ma(i); m != nil && m.a == i && m.ent != nil && m.ent.typ == schema.TypePerson {
				d.lastPerson = m.ent
			}
		}
	}
}

func (d *doc) onlyCoord(a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].f == "," || d.is(i, wCoord) {
			continue
		}
		return false
	}
	return b > a
}

// apposition reports whether the commas at p and j enclose a noun phrase
// describing the name just before p ("Josep Borrell, the EU's foreign policy
// chief, said"; "X, a State Department spokesman, said"): the stretch opens
// with a determiner or an office, holds no verb group, and a person or
// organization name, not governed by a preposition, ends right before p.
func (d *doc) apposition(gs []*vgroup, p, j int) bool {
	if p < 1 || j-p < 2 {
		return false
	}
	nm := d.mentionEndingAt(p - 1)
	if nm == nil || nm.kind != mName || nm.ent == nil || d.governed(nm.a) ||
		nm.ent.typ != schema.TypePerson && nm.ent.typ != schema.TypeOrganization {
		return false
	}
	opens := d.is(p+1, wDet) && !d.is(p+1, wCompl)
	if m := d.ma(p + 1); m != nil && m.kind == mTitle {
		opens = true
	}
	if !opens {
		return false
	}
	for _, g := range gs {
		if g.g > p && g.g < j {
			return false
		}
	}
	for k := p + 1; k < j; k++ {
		if d.toks[k].k == kQuoteOpen || d.toks[k].k == kQuoteClose || d.is(k, wCompl) && !d.is(k, wDet) {
			return false
		}
	}
	return true
}

// trailingComma reports whether the participle at g follows a comma, past
// French clitics and the gerund's "en" (", en affirmant", ", tout en les
// appelant"), whether it is such a gerund, and whether "tout en" marks a
// concession.
func (d *doc) trailingComma(s [2]int, g int) (comma, gerund, tout bool) {
	j := g - 1
	for n := 0; n < 2 && j > s[0] && clitics[d.f(j)]; n++ {
		j--
	}
	if d.f(j) == "en" && j > s[0] {
		j--
		gerund = true
		if d.f(j) == "tout" && j > s[0] {
			j--
			tout = true
		}
	}
	// ", while insisting that …", ", whilst conceding": an act of its own (words.json "whileWords")
	if j > s[0] && d.is(j, wWhile) && strings.HasSuffix(d.f(g), "ing") {
		j--
		gerund, tout = true, true
	}
	return j >= s[0] && j < g && d.f(j) == ",", gerund, tout
}

// clitics are the French object pronouns between "en" and a participle.
var clitics = map[string]bool{"les": true, "le": true, "la": true, "l'": true, "lui": true, "leur": true, "y": true,
	"se": true, "s'": true, "nous": true, "vous": true}

// weVoice makes a statement of each clause a communiqué's signers open as
// "we"/"nous" with a finite verb that is no verb of saying ("We, the
// Foreign Ministers …, have upheld the agreement"): the signers state it.
// A clause already told as a statement, or telling an event, is left alone.
func (d *doc) weVoice(s [2]int, gs []*vgroup, out []*vgroup) {
	for k, g := range gs {
		if g.cue != nil || !g.explicit || g.inverted || d.inQuote[g.g] {
			continue
		}
		m := d.ma(g.sa)
		if m == nil || m.kind != mPronoun || m.pron != wWe || m.a != g.sa {
			continue
		}
		end := s[1]
		for _, h := range gs[k+1:] {
			if h.explicit && h.sa > g.g {
				end = h.sa
				break
			}
		}
		taken := len(within(d.trig, g.sa, end)) > 0 // "Nous, ministres …, avons rencontré …": an event, told as such
		for _, o := range out {
			if o.start < end && g.sa < o.end {
				taken = true
			}
		}
		if taken {
			continue
		}
		v := &vgroup{g: g.g, c0: g.g, c1: g.c1, subj: g.subj, sa: g.sa, sb: g.sb, start: g.sa, end: d.trimEnd(g.sa, end),
			conf: 0.5, explicit: true}
		d.emitAct(v, s, schema.ActState, "communiqué voice: "+d.surface(g.g, g.c1))
	}
}

// mannerAdverb reports whether token i is an English adverb in -ly
// between a subject and its verb ("We deeply regret"): a lower-case word
// no determiner introduces (not "the assembly").
func (d *doc) mannerAdverb(i int) bool {
	if d.lang != langEN || i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return t.k == kWord && !t.cap && len(t.f) >= 5 && strings.HasSuffix(t.f, "ly") && d.ma(i) == nil && !d.is(i-1, wDet)
}

// afterQuote reports whether token i follows a closing quotation mark,
// perhaps past a comma: the subject of a postposed attribution.
func (d *doc) afterQuote(i int) bool {
	j := i - 1
	if j > 0 && d.f(j) == "," {
		j--
	}
	return j >= 0 && d.toks[j].k == kQuoteClose
}

// clauseBetween reports whether another candidate statement with another
// speaker stands between group g and token at.
func (d *doc) clauseBetween(cands []*vgroup, g *vgroup, at int) bool {
	for _, h := range cands {
		if h != g && !h.silent && h.g > g.c1 && h.g < at && !sameEnts(h.subj, g.subj) {
			return true
		}
	}
	return false
}

// continuesAfter reports whether the words from i agree to go on with what
// exists ("convenus de poursuivre ce travail", "agreed to stay in contact",
// words.json "continuation"): a stance of the parties, told as their AGREE
// statements rather than as a new agreement.
func (d *doc) continuesAfter(i int) bool {
	for k := i; k < i+4 && k < len(d.toks); k++ {
		switch {
		case d.is(k, wContinue):
			return true
		case d.f(k) == "de" || d.f(k) == "d'" || d.f(k) == "to" || d.is(k, wAdverb):
		default:
			return false
		}
	}
	return false
}

// conjSubject reports whether mention m, after a word that is a preposition
// or a conjunction (words.json "conjPreps": after, before, since, until), is
// the subject of the finite verb right after it: "after Erdogan agreed to …".
func (d *doc) conjSubject(m *mention, g *vgroup) bool {
	if g.form != fFinite {
		return false
	}
	j := m.a - 1
	if d.is(j, wDet) {
		j--
	}
	if !d.is(j, wConjPrep) {
		return false
	}
	for k := m.b; k < g.g; k++ {
		if !d.is(k, wAdverb) && !d.is(k, wAux) && !d.is(k, wModal) {
			return false
		}
	}
	return true
}

// evaluation returns the act of the first evaluation word (cues.json
// "evaluations") in tokens [a, b), or "" when none: the content of a neutral
// report that calls something dangerous criticizes it, "rien à voir" denies.
func (d *doc) evaluation(a, b int) schema.Act {
	for i := max(a, 0); i < b && i < len(d.toks); i++ {
		if d.f(i) == ";" {
			break
		}
		best, end := schema.Act(""), 0
		for _, h := range d.wfwd[i] {
			if h.c >= nClasses && h.c-nClasses < len(d.m.evals) && h.end > end {
				best, end = d.m.evals[h.c-nClasses].Act, h.end // the longest: "provocation orchestrée par" accuses
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// relativeAntecedent returns the mention a subject relative pronoun
// (words.json "relSubj": who, which, qui) right before group g stands for,
// past adverbs and a date ("…, who on Tuesday called"), or nil.
func (d *doc) relativeAntecedent(s [2]int, g *vgroup) *mention {
	j := g.g - 1
	for k := 0; k < 4 && j > s[0] && (d.is(j, wAdverb) || d.isDateWord(j) || d.isDateWordNoPrep(j)); k++ {
		j--
	}
	if j <= s[0] || !d.is(j, wRelSubj) {
		return nil
	}
	j--
	if d.f(j) == "," {
		j--
	}
	if j < s[0] {
		return nil
	}
	m := d.mentionEndingAt(j)
	if m == nil || m.kind == mPronoun || m.kind == mDemonym {
		return nil
	}
	return m
}

// apposedPerson returns the person named in the apposition after title
// mention m when the title names nobody by itself ("Le fondateur du Rêve
// géorgien, le milliardaire Bidzina Ivanichvili, …"): the first mention
// after the comma that closes the title's complement, past a determiner
// and lower-case words, when it is one person and a comma follows it.
func (d *doc) apposedPerson(s [2]int, m *mention) []*ent {
	j := m.b
	for j < s[1] && j < m.b+6 && d.f(j) != "," {
		j++
	}
	if d.f(j) != "," {
		return nil
	}
	for k := j + 1; k < s[1] && k <= j+4; k++ {
		n := d.ma(k)
		if n == nil {
			if t := d.toks[k]; t.k != kWord || t.cap {
				return nil
			}
			continue
		}
		if n.a != k || n.kind == mPronoun || d.f(n.b) != "," {
			return nil
		}
		if r := n.refs(); len(r) == 1 && r[0].typ == schema.TypePerson {
			return r
		}
		return nil
	}
	return nil
}

// mediaSpan reports whether tokens [a, b) name media ("Chinese state
// media", "Russian news agency RIA"): they report their state's stance,
// they do not hold it.
func (d *doc) mediaSpan(a, b int) bool {
	for i := a; i < b; i++ {
		if d.is(i, wMedia) || d.phraseEnd(i, wStateMedia) > 0 {
			return true
		}
	}
	return false
}

// itSubject returns the body or state an English "it" opening a clause
// before a verb of saying stands for ("The ministry said … It called on
// Washington to …"): the latest subject when it is one organization or
// state. Nil otherwise ("it is clear", "what it described as").
func (d *doc) itSubject(s [2]int, g *vgroup) *ent {
	i := g.g - 1
	if d.lang != langEN || g.cue == nil || g.cue.Adj || i < s[0] || d.f(i) != "it" || g.form != fFinite {
		return nil
	}
	if i > s[0] && d.f(i-1) != "," && !d.is(i-1, wCoord) && !d.is(i-1, wCompl) {
		return nil
	}
	if d.is(g.g, wBeForms) || d.is(g.g, wPassiveAux) {
		return nil // "it was agreed", "it is expected"
	}
	if len(d.lastSubj) == 1 && (d.lastSubj[0].typ == schema.TypeOrganization || d.lastSubj[0].typ == schema.TypeState) {
		return d.lastSubj[0]
	}
	return nil
}

// coordinatedBefore returns the names coordinated before mention m, the
// last item of a list that a relative clause takes as its antecedent
// ("Brazil, Colombia and Mexico, who have called …"): names of m's type
// joined by commas and a final and/et, none governed by a preposition.
// Nil when m ends no such list.
func (d *doc) coordinatedBefore(s [2]int, m *mention) []*mention {
	if m.ent == nil || m.kind != mName {
		return nil
	}
	var out []*mention
	j := m.a - 1
	sawCoord := false
	for j >= s[0] {
		switch {
		case d.is(j, wCoord) && !sawCoord && len(out) == 0:
			sawCoord = true
			j--
			if d.f(j) == "," {
				j-- // "Brazil, Colombia, and Mexico"
			}
		case d.f(j) == "," && (sawCoord || len(out) > 0):
			j--
		default:
			if !sawCoord {
				return nil
			}
			p := d.mentionEndingAt(j)
			if p == nil || p.kind != mName || p.ent == nil || p.ent.typ != m.ent.typ || d.governed(p.a) {
				return nil
			}
			out = append([]*mention{p}, out...)
			j = p.a - 1
			if d.f(j) != "," {
				return out
			}
		}
	}
	return out
}

// appositive reports whether participle group g stands between commas
// between a subject and its finite verb ("Pashinyan, writing on Facebook,
// called …"): the manner of the act that follows, no act of its own.
func (d *doc) appositive(gs []*vgroup, g *vgroup) bool {
	for _, h := range gs {
		if h == g || h.g <= g.c1 || h.form != fFinite || !h.explicit || h.inverted || h.sb > g.g {
			continue
		}
		for k := g.c1; k < h.g; k++ {
			if d.f(k) == "," {
				return d.onlyGlue(k+1, h.g) || k+1 == h.g
			}
		}
		return false
	}
	return false
}

// negatedContent returns DENY for a report whose content clause is negated
// by "never/jamais" in the past ("had never sought"), "" otherwise. A plain
// "not" stays a statement ("had not seen any sign"), and so does a negated
// future ("would not sign", "would no longer be bound"), which the golds
// read as intent, rejection or statement alike.
func (d *doc) negatedContent(g *vgroup) schema.Act {
	end := min(g.end, g.c1+12)
	for i := g.c1; i < end; i++ {
		f := d.f(i)
		if f == "," || f == ";" || d.is(i, wCompl) && i > g.c1+1 {
			break
		}
		if !d.is(i, wNeg) {
			continue
		}
		if (f == "never" || f == "jamais") && !d.is(i-1, wFutureAux) {
			return schema.ActDeny
		}
	}
	return ""
}

// sharedView reports whether an agreeing verb tells the parties' shared
// view or their own present voice rather than a deal struck: a clause after
// it ("agreed that Blinken will travel", "sont convenus que la situation
// aurait gagné …") or a present tense ("the three countries agree to …",
// "conviennent de …"), the voice of a communiqué or memorandum.
func (d *doc) sharedView(g *vgroup) bool {
	if d.is(g.c0, wViewAgree) {
		return true // "the two leaders concurred to …": a readout's shared view
	}
	k := g.c1
	for k < len(d.toks) && d.is(k, wAdverb) {
		k++
	}
	if d.is(k, wCompl) {
		return true
	}
	if g.c0 > g.g {
		return false // an auxiliary: a past deal
	}
	f := d.f(g.c1 - 1)
	if d.lang == langEN {
		return g.cue.EN != "" && (f == fold(g.cue.EN) || f == fold(g.cue.EN)+"s")
	}
	return strings.HasSuffix(f, "ent") || strings.HasSuffix(f, "ons")
}

// pastParticiple reports whether token i is a word shaped as a past
// participle (-ed; -é, -ée, -és, -ées) that no auxiliary or mention holds.
func (d *doc) pastParticiple(i int) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].k != kWord || d.is(i, wAux) || d.ma(i) != nil {
		return false
	}
	raw := d.text[d.toks[i].s:d.toks[i].e]
	if d.lang == langEN {
		return strings.HasSuffix(raw, "ed")
	}
	return strings.HasSuffix(raw, "é") || strings.HasSuffix(raw, "ée") || strings.HasSuffix(raw, "és") || strings.HasSuffix(raw, "ées")
}

// namesIn reports whether a mention within tokens [a, b) refers to e
// ("China's foreign ministry", "le ministère russe").
func (d *doc) namesIn(a, b int, e *ent) bool {
	if a < b {
		sf := " " + schema.Fold(d.surface(a, b)) + " "
		for _, n := range append([]string{e.name}, e.aliases...) {
			if f := schema.Fold(n); f != "" && (strings.Contains(sf, " "+f+" ") || strings.Contains(sf, " "+f+"'s ")) {
				return true // "China's foreign ministry": one name holding the state's
			}
		}
	}
	for k := a; k < b; k++ {
		if m := d.ma(k); m != nil {
			for _, r := range m.refs() {
				if r == e {
					return true
				}
			}
		}
	}
	return false
}
