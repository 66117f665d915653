package extract

import (
	"strings"

	"github.com/newsgraph/kg/schema"
)

var meetingish = map[schema.EventType]bool{schema.EventPhoneCall: true, schema.EventMeeting: true,
	schema.EventSummit: true, schema.EventVisit: true, schema.EventNegotiation: true}

// eventsOf reads the events a sentence tells: a trigger (with the words it
// needs nearby), its participants (the clause's subject, the entities after
// avec/with/between/entre, demonyms and genitives around it), a place, a
// status from modality, a date from the sentence.
func (d *doc) eventsOf(s [2]int, gs []*vgroup) {
	for _, tr := range within(d.trig, s[0], s[1]) {
		t := &d.m.triggers[tr.p.idx]
		if m := d.ma(tr.a); m != nil && m.kind != mGroup && m.kind != mPronoun {
			continue // part of a name (accords de Minsk)
		}
		if d.inCueVerb(tr.a) && t.Type != schema.EventAgreement && len(t.Needs) == 0 {
			continue
		}
		if d.speaker != nil {
			continue // what a speaker says happened is the speaker's claim, not a reported event
		}
		if tr.a > s[0] && (d.f(tr.a-1) == "to" || d.f(tr.a-1) == "pour") && t.Type != schema.EventMilitaryBuildup && !d.agreedTo(tr.a-2) &&
			d.phraseStart(tr.a-1, wPlanned) < 0 {
			continue // purpose: "to meet", "pour discuter de"
		}
		if t.Type == schema.EventElection && d.triggerNear(schema.EventElectionInterference, tr.a-6, tr.a) {
			continue
		}
		if p := d.f(tr.a - 1); tr.a > s[0] && (p == "be" || p == "been" || p == "being") && meetingish[t.Type] && !d.hostAgent(tr.b, s) {
			continue // passive: "will be met with severe consequences"
		}
		if t.Type == schema.EventMeeting && tr.a > s[0] && d.is(tr.a-1, wBeForms) && !d.hostAgent(tr.b, s) {
			continue // "once the conditions were met"
		}
		if t.Type == schema.EventMeeting && d.hearerOf(tr.a, s) {
			continue // "told a televised meeting": the audience of a statement
		}
		if t.Indefinite && !d.indefiniteBefore(tr.a, s) {
			continue // "poursuivre le dialogue", "through dialogue": no talks told
		}
		if t.Type == schema.EventAgreement && len(t.Needs) == 0 && (d.continuesAfter(tr.b) || d.complAfter(tr.b)) && !d.impersonal(tr.a) {
			continue // "ils sont convenus de rester en contact": the parties' AGREE statements, no new agreement
		}
		if t.Type == schema.EventOther && tr.a > s[0] && (definite[d.f(tr.a-1)] || d.f(tr.a-1) == "du" || d.f(tr.a-1) == "au") &&
			!d.is(tr.b, wPrep) && !d.is(tr.b, wCoord) && !d.hasComplement(tr.b, s) {
			continue // "once the war was over", "le conflit entrait": the one the reader knows
		}
		if t.Type == schema.EventOther && d.settled(tr.a, s) {
			continue // "une solution au conflit", "a settlement of the war": a topic, not an event told
		}
		need := d.m.trigNeeds[tr.p.idx]
		if len(need) > 0 {
			w := t.Window
			if w == 0 {
				w = 6
			}
			ok := false
			for i := max(s[0], tr.a-w); i < min(s[1], tr.b+w); i++ {
				if need[d.toks[i].f] || (i >= tr.a && i < tr.b && need[d.toks[i].f]) {
					ok = true
				}
				if m := d.ma(i); m != nil && m.ent != nil && m.ent.typ == schema.TypeAgreement && t.Type == schema.EventAgreement {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		// anaphoric or negated mentions tell no new event
		skip := false
		for i := max(s[0], tr.a-4); i < tr.a; i++ {
			if d.is(i, wNeg) && !d.verbBetween(gs, i, tr.a) && !d.notExcluded(i, tr.a) {
				skip = true
			}
			if d.is(i, wNegDet) && !d.groupStarts(gs, i, tr.a) && !d.notExcluded(i, tr.a) {
				skip = true // "aucune intention offensive", "no sanctions": the noun phrase itself is negated
			}
		}
		if (tr.a-2 >= s[0] && d.phraseStart(tr.a-2, wAnaphor) >= s[0] && d.is(tr.a-1, wDet) || tr.a-1 >= s[0] && d.phraseStart(tr.a-1, wAnaphor) >= s[0]) &&
			!d.newEvent(tr) {
			skip = true // "following the summit": an event already told ("après la mort d'un soldat" tells a new one)
		}
		if tr.a-1 >= s[0] && d.is(tr.a-1, wDemonstr) && d.f(tr.a-1) != "that" {
			skip = true
		}
		if tr.a-1 >= s[0] && definite[d.f(tr.a-1)] && d.hasEventType(t.Type) && !d.hasComplement(tr.b, s) && !d.toldHere(tr.b, s) {
			skip = true // "l'entretien", "the talks": the one already told
		}
		if tr.a-1 >= s[0] && definite[d.f(tr.a-1)] && talkEvent[t.Type] && d.speechObject(gs, tr.a-1) {
			skip = true // "a jugé les discussions constructives": talk about talks already held
		}
		if skip {
			continue
		}
		d.addEvent(t, tr, s, gs)
	}
}

var definite = map[string]bool{"le": true, "la": true, "l'": true, "les": true, "the": true}

// transfersTerritory reports whether tokens [a, b) tell a territory made
// part of a state: "faisant de la Crimée des sujets de la Fédération de
// Russie", "incorporating the regions into Russia", "le rattachement".
func (d *doc) transfersTerritory(a, b int) bool {
	for i := a; i < b; i++ {
		if d.is(i, wTransfer) {
			return true
		}
	}
	return false
}

// topicWords open the topic of talks, whose entities are no participants.
var topicWords = map[string]bool{"about": true, "regarding": true, "concerning": true, "concernant": true,
	"sur": true, "au sujet": true, "notamment": true}

// talkEvent are the events that are talk themselves: judged as the object of
// a verb of saying they are the talks already told.
var talkEvent = map[schema.EventType]bool{schema.EventNegotiation: true, schema.EventMeeting: true,
	schema.EventPhoneCall: true, schema.EventSummit: true}

// newEvent reports whether a trigger after "après"/"following" tells a new
// event rather than one already told: an indefinite article ("après un
// référendum") or a complement of its own ("après la mort d'un soldat").
func (d *doc) newEvent(tr match) bool {
	switch d.f(tr.a - 1) {
	case "un", "une", "a", "an":
		return true
	}
	switch d.f(tr.b) {
	case "de", "d'", "du", "des", "of", "between", "entre":
		return true
	}
	// "after meeting Geoana": a verb with its own object
	return strings.HasSuffix(d.f(tr.b-1), "ing") && d.ma(tr.b) != nil
}

// verbBetween reports whether a verb group ends between a negation and a
// trigger: "ne reconnaîtrons jamais l'annexion" negates the recognition, not
// the annexation.
func (d *doc) verbBetween(gs []*vgroup, neg, tr int) bool {
	for _, g := range gs {
		if g.cue != nil && g.c1 <= tr && g.c1 > neg-3 {
			return true
		}
	}
	return false
}

func (d *doc) hasEventType(t schema.EventType) bool {
	for _, e := range d.events[max(0, len(d.events)-200):] {
		if e.Type == t {
			return true
		}
	}
	return false
}

// triggerNear reports whether a trigger of type t starts in tokens [a,b).
func (d *doc) triggerNear(t schema.EventType, a, b int) bool {
	for _, tr := range within(d.trig, a, b) {
		if d.m.triggers[tr.p.idx].Type == t {
			return true
		}
	}
	return false
}

// agreedTo reports whether token i ends an agreeing or proposing verb:
// "agreed to meet", "proposed to visit" tell a planned event.
func (d *doc) agreedTo(i int) bool {
	for _, c := range within(d.cue, i-3, i+1) {
		if c.p.kind == pVerb && c.b == i+1 {
			switch d.m.verbs[c.p.idx].Act {
			case schema.ActAgree, schema.ActPropose:
				return true
			}
		}
	}
	return false
}

func (d *doc) isNounCue(i int) bool {
	for _, c := range within(d.cue, i, i+1) {
		if c.a == i {
			return c.p.kind != pVerb
		}
		if c.a > i {
			break
		}
	}
	return false
}

func (d *doc) inCueVerb(i int) bool {
	for _, c := range within(d.cue, i-8, i+1) {
		if c.p.kind == pVerb && i >= c.a && i < c.b {
			return true
		}
		if c.a > i {
			break
		}
	}
	return false
}

func (d *doc) addEvent(t *Trigger, tr match, s [2]int, gs []*vgroup) {
	// the clause window: from the trigger to the next clause break or verb, at most 14 tokens
	end := tr.b
	for units := 0; end < s[1] && units < 14; units++ {
		if m := d.ma(end); m != nil && m.a == end && m.b > end+1 {
			end = m.b // a long name or office counts as one word
			continue
		}
		f := d.f(end)
		if meetingish[t.Type] && (topicWords[f] || d.is(end, wOccasion)) {
			break // "spoke with Putin about Russia's build-up": the topic takes no part; "on the sidelines of the summit" is another event
		}
		if f == ";" || f == "." || d.is(end, wCompl) || f == "qui" || f == "who" || f == "which" || f == "dont" ||
			f == "pour" || f == "afin" || d.is(end, wAux) || d.cueAt(end) && !d.isNounCue(end) {
			break
		}
		if f == "," && d.attributionAhead(end+1, s) {
			break // "The talks, Lavrov said, would resume", "…, French sources said": the speaker takes no part
		}
		if f == "," && meetingish[t.Type] && d.is(end+1, wWith) {
			end++ // "met today in Bali, Indonesia, with President Xi": the partner after the place
			continue
		}
		if f == "," && meetingish[t.Type] && d.is(end+1, wJointly) {
			end = d.phraseEnd(end+1, wJointly) // "…, conjointement avec le ministre allemand", "…, together with X": more partners
			continue
		}
		if f == "," && end > tr.b+3 {
			k := end + 1
			if d.is(k, wCoord) {
				k++
			}
			if d.ma(k) == nil || d.ma(k).a != k {
				break // a list of participants goes on after the comma
			}
		}
		end++
	}
	start := tr.a
	var parts []*ent
	var place *ent
	lastEnt := tr.b
	// the subject of the governing verb group, when the trigger is its object
	for _, g := range gs {
		if g.cue != nil && g.c0 <= tr.a && tr.a < g.c1 && len(g.subj) > 0 {
			// the trigger is the verb itself: "they agreed to work on …"
			parts = append(parts, g.subj...)
			if g.explicit && !g.inverted && g.sa < start && tr.a-g.sb <= 6 {
				start = g.sa
			}
			continue
		}
		if g.c1 > tr.a || tr.a-g.c1 > 6 || len(g.subj) == 0 || g.silent {
			continue
		}
		if g.cue != nil && g.cue.Act == schema.ActCallOn && !g.silent {
			// "called on NATO allies to deploy more forces": the party called on acts
			k := g.c1
			for k < tr.a && d.ma(k) == nil && (d.is(k, wDet) || d.is(k, wTargetGlue)) {
				k++
			}
			if m := d.ma(k); m != nil && m.a == k && m.b <= tr.a && m.kind != mPronoun {
				parts = append(parts, d.resolve(m, k)...)
			}
			continue
		}
		if g.cue != nil && g.cue.Act == schema.ActPropose {
			// "invited Putin to a summit", "a proposé à Zelensky une rencontre":
			// the party invited takes part with the one inviting
			k := g.c1
			for k < tr.a && d.ma(k) == nil && (d.is(k, wDet) || d.is(k, wDative) || d.is(k, wAdverb)) {
				k++
			}
			if m := d.ma(k); m != nil && m.a == k && m.b <= tr.a && m.kind != mPronoun && m.kind != mPlace {
				parts = append(parts, d.resolve(m, k)...)
				for e := m.b; d.is(e, wCoord); {
					n := d.ma(e + 1)
					if n == nil || n.a != e+1 || n.b > tr.a || n.kind == mPronoun {
						break
					}
					parts = append(parts, d.resolve(n, n.a)...)
					e = n.b
				}
			}
		}
		if g.cue != nil && d.controls(g.c1, tr.a) {
			// "ont décidé d'engager des consultations", "decided to hold talks":
			// the subject does what the infinitive says
			parts = append(parts, g.subj...)
			continue
		}
		if g.cue != nil {
			switch g.cue.Act {
			case schema.ActPropose, schema.ActDiscuss, schema.ActAgree:
			default:
				continue // the speaker of "concern over the build-up" takes no part in it
			}
		}
		parts = append(parts, g.subj...)
		if g.explicit && !g.inverted && g.sa < start && tr.a-g.sb <= 10 {
			start = g.sa
		} else if g.g < start {
			start = g.g
		}
	}
	// "informed his counterpart of the decision during a phone call", "lors
	// d'un entretien": the clause's subject and object held the talks
	if meetingish[t.Type] {
		parts = append(parts, d.occasionParties(tr.a, s, gs)...)
	}
	// a subject or modifier right before: Russian military build-up, X spoke with Y
	j := tr.a - 1
	for j >= s[0] && (d.is(j, wAdverb) || d.is(j, wAux) || d.isDateWord(j)) && d.ma(j) == nil {
		j--
	}
	// Russia's threatening military build-up: past adjectives and the possessive
	for k := 0; k < 2 && j > s[0] && d.ma(j) == nil && d.toks[j].k == kWord && !d.toks[j].cap && !d.is(j, wDet) && !d.is(j, wPrep); k++ {
		j--
	}
	if d.f(j) == "'s" {
		j--
	}
	m := d.mentionEndingAt(j)
	if m == nil && len(parts) == 0 {
		// a subject two or three words before: "Blinken held a video call"
		for k := j - 1; k >= max(s[0], tr.a-5); k-- {
			if d.is(k, wCompl) || d.f(k) == "," || d.f(k) == ";" || d.inCueVerb(k) {
				break
			}
			if mm := d.mentionEndingAt(k); mm != nil {
				m = mm
				break
			}
		}
	}
	// a modifier right before the trigger takes part even inside a
	// prepositional phrase: "in a US strike", "lors d'une visite russe"
	if m != nil && (!d.governed(m.a) || m.b == tr.a && m.kind != mPlace) && m.kind != mPronoun {
		r := m.refs()
		if m.kind == mTitle && !m.ti.resolv {
			r = d.resolve(m, m.a)
		}
		parts = append(parts, r...)
		start = min(start, m.a)
		if !d.governed(m.a) {
			// "Armenia and Azerbaijan held talks", "Russia, Ukraine and Turkey met"
			for _, c := range d.coordBefore(m, s) {
				parts = append(parts, d.resolve(c, c.a)...)
				start = min(start, c.a)
			}
		}
	}
	if m := d.ma(tr.a); m != nil && m.kind == mGroup {
		parts = append(parts, m.ent)
	}
	// "s'est entretenu avec Vladimir Poutine par téléphone": the partner
	// named before the trigger takes part
	if meetingish[t.Type] {
		parts = append(parts, d.partnersBefore(tr.a, s)...)
	}
	for i := tr.b; i < end; i++ {
		m := d.ma(i)
		if m == nil || m.a != i {
			continue
		}
		var r []*ent
		if m.kind == mTitle && !m.ti.resolv {
			r = d.resolve(m, i)
		} else if m.kind == mPronoun {
			continue
		} else {
			r = m.refs()
		}
		if m.kind == mDemonym && m.a > tr.b+4 && !d.m.trigNeeds[tr.p.idx][d.f(m.a-1)] {
			lastEnt = max(lastEnt, m.b)
			i = m.b - 1
			continue // "at the initiative of the American side": no party to the event
		}
		if d.isLocative(m.a) && m.kind == mDemonym {
			lastEnt = max(lastEnt, m.b)
			i = m.b - 1
			continue // at the American side's initiative
		}
		loc := d.isLocative(m.a)
		if pm := d.mentionEndingAt(m.a - 2); d.f(m.a-1) == "," && pm != nil && (pm.kind == mPlace || d.isLocative(pm.a)) && m.kind != mPronoun {
			loc = true // "in Bali, Indonesia": the country qualifies the place
		}
		for _, e := range r {
			seat := e.typ == schema.TypeOrganization && e.lex != nil && e.lex.Seat
			if e.typ == schema.TypePlace || loc && (e.typ == schema.TypeState || seat) {
				if place == nil {
					place = e
				}
				continue
			}
			if e.typ == schema.TypeAgreement {
				continue
			}
			parts = append(parts, e)
		}
		lastEnt = max(lastEnt, m.b)
		i = m.b - 1
	}
	parts = dedupe(parts)
	// "It was agreed to maintain contacts", "Il a été convenu de": the parties
	// of the talks just told agreed
	if len(parts) == 0 && t.Type == schema.EventAgreement && (d.is(tr.a, wPassiveAux) || d.is(tr.a-1, wPassiveAux)) && d.agreeVerbIn(tr.a, tr.b+1) {
		for k := len(d.events) - 1; k >= 0 && k >= len(d.events)-5; k-- {
			if e := d.events[k]; meetingish[e.Type] && len(e.Participants) > 1 {
				for _, id := range e.Participants {
					for _, x := range d.order {
						if x.id == id {
							parts = append(parts, x)
						}
					}
				}
				break
			}
		}
	}
	if d.inQuote[tr.a] && len(parts) == 0 {
		return // a vague mention inside a quotation ("des cyberattaques ou des ingérences")
	}
	evEnd := d.trimEnd(start, max(lastEnt, min(end, tr.b+3)))
	if evEnd <= start {
		evEnd = tr.b
	}
	status := d.eventStatus(t, tr, s)
	date := d.eventDate(tr, s, status)
	var ids []string
	for _, p := range parts {
		ids = append(ids, p.id)
	}
	if ids == nil {
		ids = []string{}
	}
	// one account per happening: an occurred event of the same type whose
	// participants include these is the same event told again
	for _, e := range d.events[max(0, len(d.events)-200):] {
		if e.Type == t.Type && e.Status == status && status == schema.StatusOccurred && subset(ids, e.Participants) &&
			(meetingish[t.Type] || t.Type == schema.EventProtest) {
			return
		}
		if e.Type == t.Type && e.Status == status && sameSet(e.Participants, ids) && len(ids) > 0 && e.Evidence.Sentence == d.span(tr.a, tr.b).Sentence {
			return
		}
	}
	ev := d.span(start, evEnd)
	codes := d.m.codes[string(t.Type)]
	conf := 0.75
	if len(parts) == 0 {
		conf = 0.5
	}
	typ := t.Type
	if typ == schema.EventMeeting && d.leadersIn(start, evEnd) {
		typ = schema.EventSummit // "Réunis à Bruxelles, les chefs d'État ou de gouvernement": a summit
		codes = d.m.codes[string(typ)]
	}
	if typ == schema.EventAgreement && d.transfersTerritory(tr.a, s[1]) {
		typ = schema.EventAnnexation // "a signé le traité faisant de la Crimée des sujets de la Fédération"
		codes = d.m.codes[string(typ)]
	}
	e := schema.Event{Type: typ, Status: status, Participants: ids, Date: date, Evidence: ev,
		Confidence: conf, Cue: d.surface(tr.a, tr.b), CAMEO: codes.CAMEO, PLOVER: codes.PLOVER, Article: d.a.ID}
	if place != nil {
		e.Place = place.id
	}
	e.ID = schema.EventIRI(e.Type, e.Participants, e.Date, d.a.ID, ev)
	d.events = append(d.events, e)
	var ps []*ent
	for _, p := range parts {
		if p.typ == schema.TypePerson {
			ps = append(ps, p)
		}
	}
	if len(ps) > 1 {
		d.lastGroup = ps
	}
}

// subset reports whether every element of a is in b.
func subset(a, b []string) bool {
	m := map[string]bool{}
	for _, x := range b {
		m[x] = true
	}
	for _, x := range a {
		if !m[x] {
			return false
		}
	}
	return true
}

// speechObject reports whether token i directly follows a speech-act verb.
func (d *doc) speechObject(gs []*vgroup, i int) bool {
	for _, g := range gs {
		if g.cue != nil && g.c1 <= i && i-g.c1 <= 1 {
			switch g.cue.Act {
			case schema.ActPropose, schema.ActAgree:
				return false
			}
			return true
		}
	}
	return false
}

// hasComplement reports whether an entity follows the trigger closely
// ("la réunion ministérielle du Partenariat oriental"): a new event, not a re-mention.
func (d *doc) hasComplement(b int, s [2]int) bool {
	for i := b; i < min(b+4, s[1]); i++ {
		if m := d.ma(i); m != nil && m.kind != mPronoun {
			return true
		}
	}
	return false
}

// hostAgent reports whether a passive meeting verb names its host soon
// after ("a été accueilli ce jeudi à Pékin par le Président Xi", "was
// received by the King"): a meeting held, not a condition met.
func (d *doc) hostAgent(b int, s [2]int) bool {
	for k := b; k < min(s[1], b+9); k++ {
		switch d.f(k) {
		case "par", "by":
			m := d.ma(k + 1)
			if m == nil && (d.is(k+1, wDet) || definite[d.f(k+1)]) {
				m = d.ma(k + 2)
			}
			return m != nil && m.kind != mPronoun
		case ".", ";", ",":
			if d.f(k) != "," {
				return false
			}
		}
	}
	return false
}

// toldHere reports whether a definite event noun is pinned down by what
// follows it: a relative clause ("la visite d'État qu'il effectue", "the
// attack that damaged the bridge", "the talks it has been holding"), a
// participle ("the discussions held over recent weeks", "l'accident
// survenu mercredi") or a date ("the summit on 12 May"). The article tells
// that event here, not a re-mention of one already told.
func (d *doc) toldHere(b int, s [2]int) bool {
	if b >= s[1] {
		return false
	}
	if d.is(b, wRelOpeners) || d.isDateWord(b) {
		return true
	}
	// "la réunion des conseillers du format Normandie, tenue à Paris": the participle after its complement
	for k := b + 1; k < min(s[1]-1, b+9); k++ {
		if f := d.f(k); f == "." || f == ";" {
			break
		}
		if d.f(k) == "," && d.is(k+1, wRelOpeners) && d.f(k+1) != "qui" && d.f(k+1) != "which" && d.f(k+1) != "que" {
			return true
		}
	}
	// "the peace talks it has been holding": a contact clause with a pronoun subject
	return b+1 < s[1] && (d.f(b) == "it" || d.f(b) == "they" || d.f(b) == "il" || d.f(b) == "elle") && d.is(b+1, wAux)
}

// isDateWord reports whether token i belongs to a time phrase: on Tuesday, lundi 7 juin.
func (d *doc) isDateWord(i int) bool {
	f := d.f(i)
	if _, ok := weekdays[f]; ok {
		return true
	}
	if _, ok := months[f]; ok {
		return true
	}
	if d.toks[i].k == kNum {
		return true
	}
	switch f {
	case "on", "le", "today", "yesterday", "aujourd'hui", "hier", ",":
		return i+1 < len(d.toks) && (d.isDateWordNoPrep(i+1) || f == "today" || f == "yesterday" || f == "aujourd'hui" || f == "hier")
	}
	return false
}

func (d *doc) isDateWordNoPrep(i int) bool {
	f := d.f(i)
	_, w := weekdays[f]
	_, m := months[f]
	return w || m || d.toks[i].k == kNum
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

// eventStatus reads modality around the trigger.
func (d *doc) eventStatus(t *Trigger, tr match, s [2]int) schema.EventStatus {
	has := func(c, before, after int) bool {
		for i := max(s[0], tr.a-before); i < min(s[1], tr.b+after); i++ {
			if d.is(i, c) {
				return true
			}
		}
		return false
	}
	if meetingish[t.Type] && has(wProposed, 8, 6) {
		return schema.StatusProposed
	}
	// "a plaidé pour une rencontre", "urged talks", "souhaite un sommet": asked for, not held
	for _, c := range within(d.cue, max(s[0], tr.a-6), tr.a) {
		if c.p.kind != pVerb || c.b > tr.a {
			continue
		}
		switch d.m.verbs[c.p.idx].Act {
		case schema.ActCallOn, schema.ActPropose, schema.ActExpressIntent:
			if meetingish[t.Type] {
				return schema.StatusProposed
			}
		}
	}
	after := 2
	if meetingish[t.Type] {
		after = 8
	}
	f := d.f(tr.b - 1)
	future := d.lang == langFR && (strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront") || strings.HasSuffix(f, "rons"))
	if has(wPlanned, 6, after) || meetingish[t.Type] && d.agreedTo(tr.a-2) || future {
		return schema.StatusPlanned
	}
	excluded := false
	for i := max(s[0], tr.a-4); i < tr.a; i++ {
		excluded = excluded || d.is(i, wNeg) && d.notExcluded(i, tr.a)
	}
	if has(wPossible, 3, 0) || d.possibleAfter(tr.b, s) || excluded {
		if meetingish[t.Type] {
			return schema.StatusProposed
		}
		return schema.StatusPossible
	}
	if has(wAlleged, 4, 3) {
		return schema.StatusAlleged
	}
	if t.Status != "" {
		return t.Status
	}
	return schema.StatusOccurred
}

// notExcluded reports whether the negation at i only denies ruling the
// event out ("sans exclure le recours à la force", "without ruling out
// strikes"): the event is then possible, not negated.
func (d *doc) notExcluded(i, a int) bool {
	for k := max(0, i-2); k < a && k <= i+3; k++ {
		if d.is(k, wExcludeWords) {
			return true
		}
	}
	return false
}

// leadersIn reports whether the heads of state and government meet in
// tokens a..b ("les chefs d'État ou de gouvernement de l'UE", "heads of
// state and government"): such a meeting is a summit. A counted pair
// ("les deux chefs d'État") holds a bilateral meeting.
func (d *doc) leadersIn(a, b int) bool {
	for i := a; i < b; i++ {
		if f := d.f(i); f == "chefs" || f == "heads" {
			// "les deux chefs d'État", "the two heads of state": a bilateral meeting
			if i > 0 && (d.toks[i-1].k == kNum || d.is(i-1, wCountWords)) {
				continue
			}
			for k := i + 1; k < min(b, i+7); k++ {
				if g := d.f(k); g == "gouvernement" || g == "government" {
					return true
				}
			}
		}
	}
	return false
}

// possibleAfter reports whether a modal word of words.json "possible"
// follows the trigger closely ("attacks could resume"); a quantifier there
// belongs to the object ("a suspendu toute son aide"), not to the event.
func (d *doc) possibleAfter(b int, s [2]int) bool {
	for i := b; i < min(s[1], b+2); i++ {
		if d.is(i, wPossible) && !d.is(i, wNounQuant) {
			return true
		}
	}
	return false
}

// settled reports whether a settlement noun (solution, résolution,
// settlement; words.json "settleNouns") governs the trigger at i: the
// conflict is then the topic of the efforts the sentence tells.
func (d *doc) settled(i int, s [2]int) bool {
	for k := i - 1; k >= s[0] && k >= i-4; k-- {
		if d.is(k, wSettle) {
			return true
		}
	}
	return false
}

// partnersBefore returns the entities after avec/with in the clause before
// a meeting's trigger at i ("s'est entretenu avec X par téléphone", "met
// with X in Geneva for talks"), coordinated ones included.
func (d *doc) partnersBefore(i int, s [2]int) []*ent {
	var out []*ent
	for k := i - 1; k >= s[0] && k >= i-12; k-- {
		if d.is(k, wCompl) || d.f(k) == ";" || d.toks[k].k == kQuoteClose {
			break
		}
		if !d.is(k, wWith) {
			continue
		}
		for j := k + 1; j < i; {
			for j < i && d.is(j, wDet) && d.ma(j) == nil {
				j++
			}
			m := d.ma(j)
			if m == nil || m.a != j || m.kind == mPronoun || m.kind == mPlace {
				break
			}
			r := m.refs()
			if m.kind == mTitle && !m.ti.resolv {
				r = d.resolve(m, j)
			}
			for _, e := range r {
				if e.typ != schema.TypePlace && e.typ != schema.TypeAgreement {
					out = append(out, e)
				}
			}
			j = m.b
			if d.f(j) == "," {
				j++
			}
			if !d.is(j, wCoord) {
				break
			}
			j++
		}
		break
	}
	return out
}

// impersonal reports whether an agreeing trigger at i has no subject of its
// own ("It was agreed", "il a été convenu"): the event then stands for the
// parties of the talks just told.
func (d *doc) impersonal(i int) bool {
	for k := i - 2; k <= i; k++ {
		if d.is(k, wPassiveAux) || d.is(k, wImpersonal) {
			return true // words.json "passiveAux" (was, été), "impersonal" (it, il a été)
		}
	}
	return false
}

// agreeVerbIn reports whether an agreeing verb of saying (cues.json, act
// AGREE: agreed, convenu) starts in tokens [a, b).
func (d *doc) agreeVerbIn(a, b int) bool {
	for _, c := range within(d.cue, a, b) {
		if c.p.kind == pVerb && d.m.verbs[c.p.idx].Act == schema.ActAgree {
			return true
		}
	}
	return false
}

// indefiniteBefore reports whether an indefinite article opens the noun
// phrase ending at the trigger at a, past up to three modifiers ("a
// strategic stability dialogue", "un nouveau dialogue").
func (d *doc) indefiniteBefore(a int, s [2]int) bool {
	for k := a - 1; k >= s[0] && k >= a-4; k-- {
		if d.is(k, wIndef) {
			return true
		}
		if d.toks[k].k != kWord || d.is(k, wDet) || d.is(k, wPrep) || d.is(k, wPoss) || d.ma(k) != nil && d.ma(k).kind != mDemonym {
			return false
		}
	}
	return false
}

// groupStarts reports whether a verb group starts in tokens (a, b).
func (d *doc) groupStarts(gs []*vgroup, a, b int) bool {
	for _, g := range gs {
		if g.g > a && g.g < b {
			return true
		}
	}
	return false
}

// hearerOf reports whether the trigger at a is the hearer of a verb of
// saying just before it, past a determiner and an adjective: "told a
// televised meeting", "a déclaré devant une réunion".
func (d *doc) hearerOf(a int, s [2]int) bool {
	k := a - 1
	for n := 0; n < 3 && k > s[0] && d.ma(k) == nil && (d.is(k, wDet) || d.toks[k].k == kWord && !d.toks[k].cap && !d.cueAt(k)); n++ {
		if d.is(k, wPrep) && !d.is(k, wAudience) {
			break
		}
		k--
	}
	for _, c := range within(d.cue, k-2, k+1) {
		if c.p.kind == pVerb && c.b == k+1 && d.m.verbs[c.p.idx].Act == schema.ActState {
			return true
		}
	}
	return false
}

// coordBefore returns the mentions coordinated before m ("A, B and m"),
// nearest first; none governed by a preposition.
func (d *doc) coordBefore(m *mention, s [2]int) []*mention {
	var out []*mention
	a := m.a
	sawCoord := false
	for {
		c := a - 1
		for c > s[0] && d.is(c, wDet) && d.ma(c) == nil {
			c--
		}
		cs := d.phraseStart(c, wCoord)
		if cs >= 0 {
			sawCoord = true
		} else if d.f(c) == "," && sawCoord {
			cs = c
		}
		if cs <= s[0] {
			return out
		}
		if d.f(cs-1) == "," && cs-1 > s[0] && d.phraseStart(c, wCoord) >= 0 {
			cs-- // "X, Jean-Yves Le Drian, et son homologue": the apposition's comma
		}
		m2 := d.mentionEndingAt(cs - 1)
		if m2 == nil || d.governed(m2.a) || m2.kind == mPronoun {
			return out
		}
		out = append(out, m2)
		a = m2.a
	}
}

// attributionAhead reports whether the stretch from i to the next comma or
// the sentence end is an attribution: a speaker's noun phrase and a verb of
// saying ("Lavrov said", "a diplomat said on Monday", "a-t-il ajouté", "a
// déclaré Peskov").
func (d *doc) attributionAhead(i int, s [2]int) bool {
	for k := i; k < s[1] && k < i+8; k++ {
		if d.f(k) == "," || d.f(k) == ";" || d.is(k, wCompl) {
			return false
		}
		for _, c := range within(d.cue, k, k+1) {
			if c.p.kind == pVerb && !d.m.verbs[c.p.idx].Adj {
				return k == i || d.is(i, wAux) || d.ma(i) != nil || d.is(i, wDet) ||
					strings.Contains(d.f(i), "-t-") || d.is(i, wHeM) || d.is(i, wHeF) || d.is(i, wThey)
			}
		}
	}
	return false
}

// occasionParties returns the parties of the clause a meeting's trigger at
// i is the occasion of ("X informed Y of the decision during a phone call",
// "X a informé Y lors d'un entretien"; words.json "occasion"): the subject of
// the verb before and its object, when nothing but the occasion phrase
// separates them from the trigger.
func (d *doc) occasionParties(i int, s [2]int, gs []*vgroup) []*ent {
	k := i - 1
	for n := 0; n < 3 && k > s[0] && (d.is(k, wDet) || d.toks[k].k == kWord && !d.toks[k].cap && d.ma(k) == nil && !d.is(k, wOccasion)); n++ {
		if d.phraseStart(k, wOccasion) >= 0 {
			break
		}
		k--
	}
	oc := d.phraseStart(k, wOccasion)
	if oc < 0 || oc <= s[0] || !d.indefiniteBefore(i, s) && !d.is(i, wIndef) {
		return nil // "during talks in Moscow": the talks told elsewhere
	}
	var g *vgroup
	for _, h := range gs {
		if h.c1 <= oc && len(h.subj) > 0 && !h.content {
			g = h
		}
	}
	var out []*ent
	from := 0
	if g != nil {
		out, from = append(out, g.subj...), g.c1
	} else if m := d.sentenceSubject(s, oc); m != nil {
		out, from = append(out, d.resolve(m, m.a)...), m.b // "X informed Y …": a verb the lexicon does not list
	} else {
		return nil
	}
	for j := from; j < oc; j++ {
		m := d.ma(j)
		if m == nil || m.a != j {
			continue
		}
		if m.kind != mPronoun && !d.governed(m.a) {
			for _, e := range d.resolve(m, j) {
				if e.typ != schema.TypePlace && e.typ != schema.TypeAgreement {
					out = append(out, e)
				}
			}
		}
		j = m.b - 1
	}
	return out
}

// complAfter reports whether a complementizer follows token i past adverbs:
// "agreed that …", "sont convenus que …" tell a shared view, no deal.
func (d *doc) complAfter(i int) bool {
	for i < len(d.toks) && d.is(i, wAdverb) {
		i++
	}
	return d.is(i, wCompl)
}

// controls reports whether the tokens [a, tr) are an infinitive governed by
// the verb ending at a and opening the trigger's noun phrase: "de/d'/to",
// one verb, a determiner and up to two modifiers ("d'engager un processus
// de", "to hold new").
func (d *doc) controls(a, tr int) bool {
	if a >= tr || !d.is(a, wOf) && !d.is(a, wDative) || d.is(a, wDative) && d.lang == langFR {
		return false
	}
	k := a + 2
	if k > tr || d.toks[a+1].k != kWord || d.ma(a+1) != nil || d.is(a+1, wDet) {
		return false
	}
	for n := 0; k < tr; n++ {
		if n > 4 || d.ma(k) != nil || d.toks[k].k != kWord {
			return false
		}
		k++
	}
	return true
}
