package extract

import (
	"strings"

	"github.com/newsgraph/kg/schema"
)

// findHeadline marks the first sentence as the headline when it is the
// article's title (facts are not read from headlines: they repeat the text).
func (d *doc) findHeadline() {
	if len(d.sents) == 0 {
		return
	}
	s := d.sents[0]
	first := strings.TrimSpace(d.surface(s[0], s[1]))
	if d.a.Title != "" && strings.TrimSpace(d.a.Title) == first {
		d.titleSent = 0
		return
	}
	last := d.toks[s[1]-1]
	if len(d.sents) > 1 && d.toks[d.sents[1][0]].nl && last.k == kWord && s[1]-s[0] <= 20 {
		d.titleSent = 0
	}
}

var communiqueWords = []string{"communique", "declaration conjointe", "joint statement", "declaration commune",
	"joint communique", "communique conjoint", "statement by", "declaration des", "declaration du",
	"press statement", "declaration de presse", "declaration a la presse"}

// findCommunique decides whether the article is a communiqué speaking in
// its own voice, and who signs it: the persons its headline names, or the
// organization (G7) or persons in the "Nous, …" / "We, …" apposition.
func (d *doc) findCommunique() {
	if len(d.sents) == 0 {
		return
	}
	head := d.sents[0]
	h := schema.Fold(d.surface(head[0], head[1]))
	isComm := false
	for _, w := range communiqueWords {
		if strings.Contains(h, w) {
			isComm = true
		}
	}
	// "Nous, …," / "We, the …," opening a sentence
	for _, s := range d.sents {
		if s[1]-s[0] < 3 {
			continue
		}
		if d.is(s[0], wWe) && d.f(s[0]+1) == "," {
			var persons, orgs []*ent
			k := s[0] + 2
			defer func(start int) {
				// the whole "Nous, …," apposition is one subject
				end := k
				for end > start+1 && (d.f(end-1) == "," || d.toks[end-1].k == kPunct) {
					end--
				}
				if end > start+1 && end <= s[1] {
					d.addMention(&mention{a: start, b: end, kind: mPronoun, pron: wWe, plural: true})
				}
			}(s[0])
			for ; k < s[1] && k < s[0]+60; k++ {
				if d.is(k, wAux) || d.cueAt(k) {
					break
				}
				m := d.ma(k)
				if m == nil || m.a != k {
					continue
				}
				refs := m.refs()
				if m.kind == mTitle {
					refs = append(refs, m.ti.of...) // the G7 foreign ministers
				}
				for _, e := range refs {
					switch e.typ {
					case schema.TypePerson:
						persons = append(persons, e)
					case schema.TypeOrganization:
						orgs = append(orgs, e)
					}
				}
			}
			isComm = true
			if g := d.groupAcronym(s[0]+2, k); g != nil {
				orgs = append([]*ent{g}, orgs...)
			}
			if len(orgs) > 0 {
				d.signers = orgs[:1]
			} else if len(persons) > 0 {
				d.signers = persons
			}
			break
		}
	}
	if !isComm {
		return
	}
	d.communique = true
	if len(d.signers) == 0 {
		// the persons the headline names, else its organizations, else the
		// states whose ministers sign ("Déclaration conjointe des ministres des
		// Affaires étrangères de la France et de l'Allemagne")
		seen := map[*ent]bool{}
		var orgs, states []*ent
		for k := head[0]; k < head[1]; k++ {
			m := d.ma(k)
			if m == nil || m.a != k {
				continue
			}
			refs := m.refs()
			if m.kind == mTitle {
				refs = append(refs, m.ti.of...) // "des ministres … de la France et de l'Allemagne"
			}
			for _, e := range refs {
				switch {
				case seen[e]:
				case e.typ == schema.TypePerson:
					d.signers = append(d.signers, e)
				case e.typ == schema.TypeOrganization:
					orgs = append(orgs, e)
				case e.typ == schema.TypeState && m.kind != mDemonym:
					states = append(states, e)
				}
				seen[e] = true
			}
		}
		if len(d.signers) == 0 && len(orgs) > 0 {
			d.signers = orgs[:1]
		} else if len(d.signers) == 0 && len(states) > 1 {
			d.signers = states
		}
		if len(d.signers) == 0 {
			d.signers = d.byline()
		}
	}
}

// byline returns the persons a short line right after the headline names
// without any verb ("Antony J. Blinken, Secretary of State"): the author
// of a press statement whose headline names nobody. Nil otherwise.
func (d *doc) byline() []*ent {
	if len(d.sents) < 2 {
		return nil
	}
	s := d.sents[1]
	if s[1]-s[0] > 14 || !d.toks[s[0]].nl {
		return nil
	}
	var out []*ent
	for k := s[0]; k < s[1]; k++ {
		if d.is(k, wAux) || d.cueAt(k) {
			return nil
		}
		m := d.ma(k)
		if m == nil || m.a != k {
			continue
		}
		for _, e := range m.refs() {
			if e.typ == schema.TypePerson {
				out = append(out, e)
			}
		}
		k = m.b - 1
	}
	return dedupe(out)
}

// groupAcronym reads the short name a signers' apposition gives itself in
// parentheses ("We, the Foreign Ministers of France, Germany and the United
// Kingdom (E3), …"): an organization named by the acronym, with the words
// before it as an alias, mentioned wherever the article repeats it ("The
// E3 expect …"). Nil when tokens [a,b) hold no such acronym.
func (d *doc) groupAcronym(a, b int) *ent {
	for k := a + 1; k+2 < b+1 && k+2 < len(d.toks); k++ {
		t := d.toks[k]
		if d.f(k-1) != "(" || d.f(k+1) != ")" || t.k != kWord || !t.cap || len(t.f) < 2 || len(t.f) > 6 ||
			!(t.upper || strings.IndexAny(t.f, "0123456789") > 0) {
			continue
		}
		if m := d.ma(k); m != nil && m.kind != mName {
			continue
		}
		if m := d.ma(k); m != nil && m.ent != nil && m.ent.typ != schema.TypeOrganization {
			continue
		}
		name := d.text[t.s:t.e]
		e := d.entity(name, schema.TypeOrganization, nil)
		start := a
		if d.is(start, wDet) {
			start++
		}
		d.alias(e, d.surface(start, k-1))
		for i := range d.toks {
			if d.toks[i].f == t.f && d.toks[i].k == kWord && (d.ma(i) == nil || d.ma(i).ent == e) {
				if d.ma(i) == nil {
					d.mention(e, i, i+1)
					d.addMention(&mention{a: i, b: i + 1, kind: mName, ent: e})
				}
			}
		}
		return e
	}
	return nil
}

// addLexiconRoles gives the persons the article names the offices the
// lexicon knows they held at the article's date, when the office's state or
// organization is itself mentioned.
func (d *doc) addLexiconRoles() {
	if d.year == 0 {
		return
	}
	for _, e := range append([]*ent(nil), d.order...) {
		if e.typ != schema.TypePerson || e.lex == nil || e.count == 0 {
			continue
		}
		for _, r := range e.lex.Roles {
			if !r.heldAt(d.year, d.month) {
				continue
			}
			of := d.lexByName(r.Of)
			if of == nil || of.count == 0 {
				// remember the office for coreference all the same
				if of != nil {
					e.roles = append(e.roles, entRole{r.Role, of})
				}
				continue
			}
			d.addRole(e, r.Role, of, 0, 0, 0.6, "lexicon")
		}
	}
}

// roleFamily says whether two role names may name the same office
// ("minister" covers "foreign minister").
func roleFamily(general, specific string) bool {
	if general == specific {
		return true
	}
	switch general {
	case "minister":
		return strings.Contains(specific, "minister") || specific == "secretary of state" || specific == "foreign secretary"
	case "leader":
		return specific == "president" || specific == "prime minister" || specific == "chancellor"
	case "foreign minister":
		return specific == "secretary of state" || specific == "foreign secretary"
	case "spokesperson":
		return specific == "press secretary"
	case "secretary of state":
		return specific == "foreign minister"
	case "secretary":
		return strings.Contains(specific, "secretary")
	}
	return false
}

// nextHolder looks a few sentences ahead of an unnamed office of a state for
// the first person named whom nothing ties to another office: cataphora.
func (d *doc) nextHolder(m *mention, ti *titleInfo) *ent {
	if len(ti.of) != 1 || ti.of[0].typ != schema.TypeState || ti.role == "counterpart" || ti.role == "official" || ti.role == "side" {
		return nil
	}
	last := d.toks[m.a].sent + 3
	if d.f(m.b) == "," {
		last = d.toks[m.a].sent // "Le ministre …, le prince X,": the apposition names the holder or nobody
	}
	for i := m.b; i < len(d.toks) && d.toks[i].sent <= last; i++ {
		n := d.ma(i)
		if n == nil || n.a != i {
			continue
		}
		i = n.b - 1
		if n.kind == mPronoun {
			continue
		}
		for _, e := range n.refs() {
			if e == nil || e.typ != schema.TypePerson {
				continue
			}
			free := e.lex == nil || len(e.lex.Roles) == 0
			for _, r := range e.roles {
				if r.of != ti.of[0] || !roleFamily(ti.role, r.role) && !roleFamily(r.role, ti.role) {
					free = false
				}
			}
			if free {
				return e
			}
		}
	}
	return nil
}

// indefinite articles introduce someone the article has not named.
// datelineState returns the state whose capital opens the article's first
// body sentence as a dateline ("WASHINGTON, Dec 7 - "), or nil.
func (d *doc) datelineState() *ent {
	for si, s := range d.sents {
		if si == d.titleSent || s[1]-s[0] < 3 {
			continue
		}
		if !d.toks[s[0]].upper || d.f(s[0]+1) != "," {
			return nil
		}
		for _, mt := range within(d.ent, s[0], s[0]+1) {
			if mt.p.kind == pCapital && mt.b == s[0]+1 {
				if st := d.lexEntity(int(mt.p.idx)); st.typ == schema.TypeState {
					return st
				}
			}
		}
		return nil
	}
	return nil
}

// ownState reports whether nothing ties person e to a state other than st.
func (d *doc) ownState(e *ent, st *ent) bool {
	for _, r := range e.roles {
		if r.of != nil && r.of.typ == schema.TypeState && r.of != st {
			return false
		}
	}
	return true
}

// possessorsAide resolves "son porte-parole", "his spokesman" with no
// organization named: the spokesperson the article names for the
// possessor's office (Peskov for the Russian president), else the
// possessor's organization or state, for which an unnamed aide speaks.
func (d *doc) possessorsAide(m *mention, ti *titleInfo) []*ent {
	if !ti.poss || len(ti.of) > 0 || (ti.role != "spokesperson" && ti.role != "official" && ti.role != "adviser") {
		return nil
	}
	who := ti.possessor
	if who == nil {
		who = d.sentPerson
	}
	if who == nil {
		for _, e := range d.lastSubj {
			if e.typ == schema.TypePerson {
				who = e
				break
			}
		}
	}
	if who == nil || len(who.roles) == 0 {
		return nil
	}
	office := who.roles[0].of
	if office == nil {
		return nil
	}
	for _, e := range d.order {
		if e.typ != schema.TypePerson || e.count == 0 || e == who {
			continue
		}
		for _, r := range e.roles {
			if roleFamily(ti.role, r.role) && r.of != nil && (r.of == office || r.of.lex != nil && schema.Fold(r.of.lex.Of) == schema.Fold(office.name)) {
				return []*ent{e}
			}
		}
	}
	return []*ent{office}
}

// leaderRank orders the offices a "leader" may hold: the one who leads a
// state's foreign policy comes first.
func leaderRank(general, specific string) int {
	if general != "leader" {
		return 0
	}
	switch specific {
	case "chancellor":
		return 3
	case "president":
		return 2
	case "prime minister":
		return 1
	}
	return 0
}

// resolveTitle finds who an unnamed office phrase refers to: the latest
// subject holding it, else any person of the article holding it.
func (d *doc) resolveTitle(m *mention, pos int) []*ent {
	ti := m.ti
	if ti.resolv {
		return m.refs()
	}
	if m.plural {
		q := m.a - 1
		if dm := d.ma(q); dm != nil && dm.kind == mDemonym {
			q = dm.a - 1 // "several European leaders"
		}
		if d.phraseStart(q, wQuantDet) < 0 && q > 0 && d.toks[q].k == kWord && d.toks[q].cap && d.ma(q) == nil {
			q-- // a qualifier not read as a demonym
		}
		if q := d.phraseStart(q, wQuantDet); q >= 0 && q < m.a {
			return nil // "several European leaders", "plusieurs dirigeants": a group the article does not name
		}
		if d.communique && len(d.signers) > 1 && (ti.count == 0 || ti.count == len(d.signers)) {
			// states sign, their leaders act: "The three leaders consider …"
			// are the persons of the call or meeting the communiqué told
			if n := max(ti.count, len(d.signers)); d.signers[0].typ == schema.TypeState && ti.role != "side" {
				if ps := d.meetingPersons(n); ps != nil {
					return ps
				}
				if len(d.lastGroup) == n && d.lastGroup[0].typ == schema.TypePerson {
					return d.lastGroup
				}
			}
			return d.signers
		}
		if len(ti.of) > 0 {
			// "the G7 foreign ministers", "les ministres allemand et français"
			var out []*ent
			for _, of := range ti.of {
				var holder *ent
				for _, e := range d.order {
					if e.typ != schema.TypePerson || e.count == 0 {
						continue
					}
					for _, r := range e.roles {
						if r.of == of && roleFamily(ti.role, r.role) {
							holder = e
						}
					}
				}
				if holder == nil && d.year > 0 && of.typ == schema.TypeState {
					// "les dirigeants français, allemand, russe et ukrainien":
					// the lexicon's holders of the office that year
					if k := d.lexHolder(ti.role, of); k >= 0 {
						if e := d.lexEntity(k); d.namedAnywhere(e) {
							holder = e // named elsewhere in the article
						}
					}
				}
				if holder != nil {
					out = append(out, holder)
				} else {
					out = append(out, of)
				}
			}
			return dedupe(out)
		}
		if ti.role == "official" {
			return nil // "Western officials": nobody the article names
		}
		if ti.count == 0 && !d.is(m.a, wDet) && !(m.a > 0 && d.is(m.a-1, wDet)) && !(m.a > 1 && d.is(m.a-2, wDet) && d.ma(m.a-2) == nil) && !d.is(m.a, wPairDet) {
			return nil // "Separatist leaders accused …": a group not yet named, no anaphora
		}
		g := d.lastGroup
		// "The leaders also exchanged views": the persons of the talks just told
		if ti.count == 0 && len(d.events) > 0 && (ti.role == "leader" || ti.role == "president" || ti.role == "side") {
			if e := d.events[len(d.events)-1]; meetingish[e.Type] {
				var ps []*ent
				for _, id := range e.Participants {
					for _, x := range d.order {
						if x.id == id && x.typ == schema.TypePerson {
							ps = append(ps, x)
						}
					}
				}
				if len(ps) > len(g) {
					g = ps
				}
			}
		}
		// "… said Biden had spoken with Macron and Scholz, and that the
		// leaders had affirmed …": the persons of a call told earlier in
		// the same sentence, not yet an event
		if ti.count == 0 && (ti.role == "leader" || ti.role == "president") {
			if ps := d.sentenceMeetingPersons(m.a); len(ps) > len(g) {
				g = ps
			}
		}
		if ti.count > 0 && (len(g) != ti.count || ti.role == "leader" || ti.role == "president" || ti.role == "side") {
			// "The two leaders agreed" after a meeting of two, whoever else
			// the article listed since ("joined by A, B and C")
			if ps := d.meetingPersons(ti.count); ps != nil {
				g = ps
			}
		}
		if len(g) == 0 {
			g = d.recentPersons(m.a, max(ti.count, 2))
		}
		if len(g) == 0 && ti.role == "side" {
			// "both sides", "les deux parties" after states or bodies met:
			// the last two named
			g = d.recentParties(m.a, max(ti.count, 2))
		}
		if ti.count > 0 && len(g) > ti.count {
			g = g[len(g)-ti.count:]
		}
		return g
	}
	if ti.possessor != nil || ti.poss && len(ti.of) == 0 {
		if r := d.possessorsAide(m, ti); r != nil {
			return r
		}
	}
	// an office without its state in a readout from a seat of power or under
	// a dateline is the home state's ("Le ministre de l'Europe et des Affaires
	// étrangères s'est entretenu avec son homologue ukrainien"), unless the
	// subject just read holds it ("British Prime Minister Boris Johnson said
	// … The Prime Minister urged" under a MOSCOW dateline)
	if len(ti.of) == 0 && !m.plural && !ti.poss && homeRoles[ti.role] {
		home := d.homeState()
		if home != nil && d.holderNamed(ti.role, home) == nil && d.lexHolder(ti.role, home) < 0 {
			// the home state has no such office ("la chancelière" in a
			// readout from the Élysée): the person named who holds it
			if e := d.namedLexHolder(ti.role, pos); e != nil {
				return []*ent{e}
			}
		}
		if home != nil && d.holderNamed(ti.role, home) == nil {
			for _, e := range append(append([]*ent(nil), d.lastSubj...), d.lastPerson) {
				if e == nil || e.typ != schema.TypePerson {
					continue
				}
				for _, r := range e.roles {
					if r.role == ti.role && r.of != nil && r.of.typ == schema.TypeState {
						return []*ent{e}
					}
				}
			}
		}
		if home != nil {
			ti.of = []*ent{home}
			return d.resolveTitle(m, pos)
		}
	}
	match := func(e *ent) bool {
		if e == nil || e.typ != schema.TypePerson {
			return false
		}
		for _, r := range e.roles {
			if ti.role == "counterpart" {
				if len(ti.of) > 0 && r.of == ti.of[0] {
					return true
				}
				continue
			}
			if !roleFamily(ti.role, r.role) {
				continue
			}
			if len(ti.of) == 0 || r.of == ti.of[0] {
				return true
			}
			// le chef du Kremlin: the seat of power stands for its state
			if o := ti.of[0]; o.lex != nil && o.lex.Of != "" && r.of != nil && schema.Fold(r.of.name) == schema.Fold(o.lex.Of) {
				return true
			}
		}
		return false
	}
	for _, e := range d.lastSubj {
		if match(e) {
			return []*ent{e}
		}
	}
	if match(d.lastPerson) {
		return []*ent{d.lastPerson}
	}
	// most recent mention before pos, then anyone in the article
	var best *ent
	for _, e := range d.order {
		if match(e) && e.count > 0 && (best == nil || e.first < pos && e.first > best.first) {
			best = e
		}
	}
	if best != nil {
		return []*ent{best}
	}
	// "La chancelière, qui …": an office without its state is held by a
	// person the article names whom the lexicon gives that office that year
	if len(ti.of) == 0 && !ti.poss {
		if e := d.namedLexHolder(ti.role, pos); e != nil {
			return []*ent{e}
		}
	}
	// the lexicon knows who held the office at the article's date:
	// "le président américain" in 2021 is Joe Biden
	if len(ti.of) == 1 && d.year > 0 && ti.role != "counterpart" && ti.role != "official" {
		found := d.lexHolder(ti.role, ti.of[0])
		if found >= 0 {
			e := d.lexEntity(found)
			e.roles = append(e.roles, entRole{ti.role, ti.of[0]})
			d.addRole(e, ti.role, ti.of[0], m.a, ti.tb, 0.6, "lexicon: "+d.surface(m.a, ti.tb))
			return []*ent{e}
		}
	}
	if ti.role == "official" && len(ti.of) == 1 && definite[d.f(m.a)] && d.lastPerson != nil && d.ownState(d.lastPerson, ti.of[0]) {
		return []*ent{d.lastPerson} // "a déclaré le diplomate autrichien": the person just named, described
	}
	if (ti.role == "official" || ti.role == "spokesperson" || ti.role == "adviser") && len(ti.of) == 1 {
		return ti.of // an unnamed official speaks for the state or organization
	}
	if ti.role == "official" && len(ti.of) == 0 && !ti.poss && (d.is(m.a, wIndef) || m.a > 0 && d.is(m.a-1, wIndef)) {
		// "A senior administration official said" in a story datelined WASHINGTON
		if st := d.datelineState(); st != nil {
			return []*ent{st}
		}
	}
	if r := d.possessorsAide(m, ti); r != nil {
		return r
	}
	// "Lithuania's foreign minister called … Gabrielius Landsbergis told …":
	// an office named before its holder is filled by the next person named
	if e := d.nextHolder(m, ti); e != nil {
		d.addRole(e, ti.role, ti.of[0], m.a, ti.tb, 0.5, "office before its holder: "+d.surface(m.a, ti.tb))
		e.roles = append(e.roles, entRole{ti.role, ti.of[0]})
		return []*ent{e}
	}
	if ti.role == "counterpart" && len(ti.of) > 0 {
		// an unnamed counterpart: a person of its own, named by the phrase
		name := strings.TrimSpace(d.surface(m.a, ti.tb))
		for _, w := range []string{"son ", "sa ", "ses ", "his ", "her ", "their ", "leur ", "le ", "la ", "the "} {
			if strings.HasPrefix(strings.ToLower(name), w) {
				name = name[len(w):]
				break
			}
		}
		e := d.entity(name, schema.TypePerson, nil)
		d.mention(e, m.a, ti.tb)
		role := ""
		for _, s := range d.lastSubj {
			for _, r := range s.roles {
				role = r.role
			}
		}
		if role == "" {
			role = "counterpart"
		}
		d.addRole(e, role, ti.of[0], m.a, ti.tb, 0.5, "counterpart")
		e.roles = append(e.roles, entRole{"counterpart", ti.of[0]})
		return []*ent{e}
	}
	// "The Prime Minister spoke to …" in a Downing Street readout: the office
	// of the article's home state
	if len(ti.of) == 0 && !m.plural && !ti.poss && homeRoles[ti.role] {
		if home := d.homeState(); home != nil {
			ti.of = []*ent{home}
			return d.resolveTitle(m, pos)
		}
	}
	return nil
}

// holderNamed returns a person the article names who holds role (or one
// of its family) for state st, or nil.
func (d *doc) holderNamed(role string, st *ent) *ent {
	for _, e := range d.order {
		if e.typ != schema.TypePerson || e.count == 0 {
			continue
		}
		for _, r := range e.roles {
			if r.of == st && (roleFamily(role, r.role) || roleFamily(r.role, role)) {
				return e
			}
		}
	}
	return nil
}

// homeRoles are the offices a readout names without their state.
var homeRoles = map[string]bool{"president": true, "prime minister": true, "chancellor": true, "foreign minister": true,
	"secretary of state": true, "defence minister": true}

// homeState is the state an article speaks from: its dateline's, else
// that of the first seat of power (Downing Street, Élysée, Kremlin) or
// office naming its own state (le Président de la République) its headline
// or first sentence names. Nil when neither says.
func (d *doc) homeState() *ent {
	if st := d.datelineState(); st != nil {
		return st
	}
	for si, s := range d.sents {
		if si > 1 {
			break // the headline and the first sentence
		}
		for i := s[0]; i < s[1]; i++ {
			m := d.ma(i)
			if m == nil || m.a != i {
				continue
			}
			cands := m.refs()
			if m.kind == mTitle {
				if m.ti.self && len(m.ti.of) == 1 && m.ti.of[0].typ == schema.TypeState {
					return m.ti.of[0] // "Entretien du Président de la République avec …"
				}
				cands = append(cands, m.ti.of...) // "A Downing Street spokesperson"
			}
			for _, e := range cands {
				if e == nil || e.lex == nil || !e.lex.Seat || e.lex.Of == "" {
					continue
				}
				if st := d.lexByName(e.lex.Of); st != nil && st.typ == schema.TypeState {
					return st
				}
			}
		}
	}
	return nil
}

// recentPersons returns the last n distinct persons mentioned before token
// pos, in text order: "les deux présidents" after two names.
func (d *doc) recentPersons(pos, n int) []*ent {
	var out []*ent
	seen := map[*ent]bool{}
	for k := pos - 1; k >= 0 && k > pos-400 && len(out) < n; k-- {
		m := d.ma(k)
		if m == nil || m.b != k+1 {
			continue
		}
		for _, e := range m.refs() {
			if e.typ == schema.TypePerson && !seen[e] {
				seen[e] = true
				out = append([]*ent{e}, out...)
			}
		}
		k = m.a
	}
	if len(out) < n {
		return nil
	}
	return out
}

// resolve returns the entities a subject mention stands for, resolving
// titles and pronouns against the discourse state.
func (d *doc) resolve(m *mention, pos int) []*ent {
	if m == nil {
		return nil
	}
	switch m.kind {
	case mTitle:
		r := d.resolveTitle(m, pos)
		if len(r) == 1 && !m.ti.resolv {
			d.mention(r[0], m.a, m.ti.tb)
		}
		return r
	case mPronoun:
		switch m.pron {
		case wHeM, wHeF:
			g := byte('m')
			if m.pron == wHeF {
				g = 'f'
			}
			if e := d.sentPerson; e != nil && (e.gender == 0 || e.gender == g) {
				return []*ent{e}
			}
			// "le ministère a regretté une décision, dont il rejette les
			// prétextes": a French body subject of the same sentence
			if d.sentBody != nil && d.sentPerson == nil && d.lang == langFR {
				return []*ent{d.sentBody}
			}
			for _, e := range d.lastSubj {
				if e.typ == schema.TypePerson && (e.gender == 0 || e.gender == g) {
					return []*ent{e}
				}
			}
			// "La France condamne … Elle appelle …": a state or organization
			// subject (French only: he/she never stand for a state)
			if len(d.lastSubj) == 1 && d.lastSubj[0].typ != schema.TypePerson && d.lang == langFR {
				return d.lastSubj
			}
			if d.lastPerson != nil && (d.lastPerson.gender == 0 || d.lastPerson.gender == g) {
				return []*ent{d.lastPerson}
			}
		case wStaff:
			if m.staffOf != nil {
				if r := d.resolve(m.staffOf, m.staffOf.a); len(r) == 1 && r[0].typ == schema.TypePerson {
					return r
				}
				return nil
			}
			if e := d.sentPerson; e != nil {
				return []*ent{e}
			}
			for _, e := range d.lastSubj {
				if e.typ == schema.TypePerson {
					return []*ent{e}
				}
			}
			if d.lastPerson != nil {
				return []*ent{d.lastPerson}
			}
		case wPairDet:
			return d.recentParties(m.a, 2)
		case wTripleDet:
			return d.recentParties(m.a, 3)
		case wLatterM, wLatterF:
			for k := m.a - 1; k >= 0 && k > m.a-200; k-- {
				n := d.ma(k)
				if n == nil || n.kind == mPronoun {
					continue
				}
				for _, e := range d.resolve(n, n.a) {
					if e.typ == schema.TypePerson && (m.pron == wLatterM && e.gender != 'f' || m.pron == wLatterF && e.gender != 'm') {
						return []*ent{e}
					}
				}
				k = n.a
			}
		case wThey:
			if len(d.lastSubj) > 1 {
				return d.lastSubj
			}
			return d.lastGroup
		case wWe:
			if len(d.signers) > 0 {
				return d.signers
			}
			if d.speaker != nil {
				return []*ent{d.speaker}
			}
			// "La France appelle … Nous appelons …": a state or body speaking in its own voice
			if len(d.lastSubj) == 1 && (d.lastSubj[0].typ == schema.TypeState || d.lastSubj[0].typ == schema.TypeOrganization) {
				return d.lastSubj
			}
		case wI:
			if d.speaker != nil {
				return []*ent{d.speaker}
			}
		}
		return nil
	}
	return m.refs()
}

// lexHolder returns the index of the lexicon person who held an office of
// the family of role for state st (or the state of a seat of power) in the
// article's year: the holder whose term began last, the chancellor, else
// the president, before a prime minister. -1 when none, -2 on a tie.
func (d *doc) lexHolder(role string, st *ent) int {
	of := schema.Fold(st.name)
	if st.lex != nil && st.lex.Of != "" && role != "spokesperson" {
		of = schema.Fold(st.lex.Of)
	}
	// the holder whose term began last wins (a year has two holders
	// when the office changed hands); a tie is no answer
	found, from := -1, -1
	for i := range d.m.ents {
		le := &d.m.ents[i]
		if le.Type != schema.TypePerson {
			continue
		}
		for _, r := range le.Roles {
			if schema.Fold(r.Of) == of && roleFamily(role, r.Role) && r.heldAt(d.year, d.month) {
				// "the Russian leader": the chancellor, else the president,
				// outranks a prime minister of the same years
				rank := r.start() + 1000000*leaderRank(role, r.Role)
				switch {
				case rank > from:
					found, from = i, rank
				case rank == from && found != i:
					found = -2
				}
			}
		}
	}
	return found
}

// namedAnywhere reports whether a mention anywhere in the article names e.
func (d *doc) namedAnywhere(e *ent) bool {
	for _, m := range d.mAt {
		if m != nil && m.ent == e {
			return true
		}
	}
	return false
}

// namedLexHolder returns the person named before pos, latest first, whom
// the lexicon gives an office of the family of role in the article's year;
// nil when none.
func (d *doc) namedLexHolder(role string, pos int) *ent {
	if d.year == 0 || role == "counterpart" || role == "official" || role == "spokesperson" {
		return nil
	}
	var best *ent
	for _, e := range d.order {
		if e.typ != schema.TypePerson || e.count == 0 || e.lex == nil || e.first >= pos || best != nil && e.first < best.first {
			continue
		}
		for _, r := range e.lex.Roles {
			if roleFamily(role, r.Role) && r.heldAt(d.year, d.month) {
				best = e
			}
		}
	}
	return best
}

// recentParties returns the last n distinct states (else organizations)
// named before token pos, in text order: "les deux pays" after "l'Iran et
// l'Arabie saoudite". Nil when fewer are named.
func (d *doc) recentParties(pos, n int) []*ent {
	for _, typ := range []schema.EntityType{schema.TypeState, schema.TypeOrganization} {
		var out []*ent
		seen := map[*ent]bool{}
		for k := pos - 1; k >= 0 && k > pos-400 && len(out) < n; k-- {
			m := d.ma(k)
			if m == nil || m.b != k+1 || m.kind == mPronoun {
				continue
			}
			for _, e := range m.refs() {
				if e.typ == typ && !seen[e] {
					seen[e] = true
					out = append([]*ent{e}, out...)
				}
			}
			k = m.a
		}
		if len(out) == n {
			return out
		}
	}
	return nil
}

// sentenceMeetingPersons returns the persons named before token pos in its
// sentence when a meeting, call or talks trigger stands there too, or nil
// when fewer than two persons or no such trigger.
func (d *doc) sentenceMeetingPersons(pos int) []*ent {
	s := d.sentOf(pos)
	meet := false
	for _, tr := range within(d.trig, s[0], pos) {
		if meetingish[d.m.triggers[tr.p.idx].Type] {
			meet = true
		}
	}
	if !meet {
		return nil
	}
	var ps []*ent
	for k := s[0]; k < pos; k++ {
		m := d.ma(k)
		if m == nil || m.a != k || m.kind == mPronoun {
			continue
		}
		for _, e := range m.refs() {
			if e.typ == schema.TypePerson {
				ps = append(ps, e)
			}
		}
		k = m.b - 1
	}
	if ps = dedupe(ps); len(ps) < 2 {
		return nil
	}
	return ps
}

// meetingPersons returns the persons of the latest meeting, call or talks
// among the last events that had exactly n persons taking part, or nil.
func (d *doc) meetingPersons(n int) []*ent {
	for k := len(d.events) - 1; k >= 0 && k >= len(d.events)-6; k-- {
		e := d.events[k]
		if !meetingish[e.Type] {
			continue
		}
		var ps []*ent
		for _, id := range e.Participants {
			for _, x := range d.order {
				if x.id == id && x.typ == schema.TypePerson {
					ps = append(ps, x)
				}
			}
		}
		if len(ps) == n {
			return ps
		}
	}
	return nil
}

// ownVoice makes a statement of a communiqué's sentence in its own voice
// that no verb of saying reports and that tells no past happening: "It is
// the first agreement of its kind", "Delegations of both countries will
// meet in the coming weeks", "The agreement will be known as …". The
// signers state it; a sentence whose subject is one signer alone ("Israel
// will suspend …") is that signer's. A future or intent after the subject
// is an EXPRESS_INTENT, an evaluation takes its act, anything else STATE.
func (d *doc) ownVoice(s [2]int, gs []*vgroup) {
	if d.wordCount(s[0], s[1]) < 5 || d.inQuote[s[0]] || d.isHeading(s) {
		return
	}
	for _, g := range gs {
		if g.cue != nil && g.subj != nil && !g.cue.We {
			return // a verb of saying already weighed (and dropped) here
		}
	}
	if d.pastClause(s) {
		return
	}
	subj := d.sentenceSubject(s, s[1])
	if subj != nil && subj.kind == mPronoun && subj.pron == wWe {
		return // "Nous, ministres …, avons rencontré": the signers' own clauses are weVoice's
	}
	speakers := d.signers
	var subjEnd int
	if subj != nil {
		subjEnd = subj.b
		r := d.asSigners(d.resolve(subj, subj.a))
		opens := subj.a == s[0] || d.f(subj.a-1) == "," || d.is(subj.a-1, wDet) && (subj.a-1 == s[0] || d.f(subj.a-2) == ",")
		if len(r) == 1 && opens && !d.is(subj.b, wCoord) && d.f(subj.b) != "," {
			for _, e := range d.signers {
				if e == r[0] {
					speakers = r
				}
			}
		}
	}
	act := schema.ActState
	k := subjEnd
	for k > 0 && k < s[1] && d.is(k, wAdverb) {
		k++
	}
	if k > 0 && d.is(k, wWillAux) {
		act = schema.ActExpressIntent
	} else if a := d.evaluation(s[0], s[1]); a != "" {
		act = a
	}
	g := &vgroup{g: s[0], c0: s[0], c1: s[0], subj: speakers, start: s[0], end: d.trimEnd(s[0], s[1]), conf: 0.5}
	d.emitAct(g, s, act, "communiqué own voice")
}

// pastClause reports whether sentence s tells a past happening: its first
// auxiliary outside a relative clause is a past one (words.json "pastAux":
// has, had, was, a, ont, avait), or, without any, an English verb in -ed
// follows its opening subject ("The E3 decided …").
func (d *doc) pastClause(s [2]int) bool {
	for k := s[0]; k < s[1]; k++ {
		if !d.is(k, wAux) || d.toks[k].k != kWord {
			continue
		}
		if k > s[0] && (d.is(k-1, wRelSubj) || d.is(k-1, wCompl)) {
			continue // "the leaders, who have chosen …"
		}
		if m := d.ma(k); m != nil && m.kind != mPronoun {
			continue
		}
		return d.is(k, wPastAux)
	}
	if d.lang != langEN {
		return false
	}
	if m := d.sentenceSubject(s, s[1]); m != nil {
		// past the coordinated subject, adverbs and a date: "Türkiye,
		// Finland and Sweden today signed …", "We, the G7 …, met in …"
		k := m.b
		for k < s[1] && (d.f(k) == "," || d.is(k, wCoord) || d.is(k, wDet) || d.ma(k) != nil || d.is(k, wAdverb) || d.isDateWordNoPrep(k)) {
			k++
		}
		return k < s[1] && d.toks[k].k == kWord && (strings.HasSuffix(d.toks[k].f, "ed") || d.is(k, wPastAux))
	}
	return false
}

// coordPersons returns the persons coordinated after the person mention m
// before token end, across their appositions: "President X, Prime Minister
// Y of Israel, and Sheikh Z, Crown Prince of Abu Dhabi, spoke … and agreed".
// Only commas, coordinations, persons and appositions without a verb may
// stand there; nil otherwise.
func (d *doc) coordPersons(m *mention, end int) []*ent {
	var out []*ent
	k := m.b
	for k < end {
		if d.f(k) != "," && !d.is(k, wCoord) {
			break
		}
		for k < end && (d.f(k) == "," || d.is(k, wCoord)) {
			k++
		}
		if n := d.ma(k); n != nil && n.a == k && n.kind != mPronoun && n.kind != mDemonym {
			r := d.resolve(n, k)
			if len(r) == 1 && r[0].typ == schema.TypePerson {
				out = append(out, r[0])
				k = n.b
				continue
			}
		}
		// an apposition: words without a verb up to the next comma
		j := k
		for j < end && d.f(j) != "," {
			if d.is(j, wAux) || d.cueAt(j) || d.is(j, wRelSubj) {
				return out
			}
			j++
		}
		if j >= end {
			break
		}
		k = j
	}
	return out
}

// future reports whether sentence s holds a future or intent auxiliary
// (words.json "willAux": will, va, entend) or a French future verb form.
func (d *doc) future(s [2]int) bool {
	for k := s[0]; k < s[1]; k++ {
		if d.is(k, wWillAux) {
			return true
		}
		if f := d.toks[k].f; d.lang == langFR && d.toks[k].k == kWord && len(f) > 5 &&
			(strings.HasSuffix(f, "era") || strings.HasSuffix(f, "eront") || strings.HasSuffix(f, "ira") || strings.HasSuffix(f, "iront")) {
			return true
		}
	}
	return false
}

// stateMedia names a state's media as one organization, the source they
// are in the news ("Chinese state media reported", "selon les médias
// d'État iraniens"): words.json "stateMedia" after an English demonym or
// before a French one. The demonym's state stays named inside it.
func (d *doc) stateMedia() {
	for i := 1; i < len(d.toks); i++ {
		e := d.phraseEnd(i, wStateMedia)
		if e < 0 || d.ma(i) != nil {
			continue
		}
		a, b := -1, -1
		if m := d.mentionEndingAt(i - 1); m != nil && m.kind == mDemonym && m.b-m.a == 1 {
			a, b = m.a, e
		} else if m := d.mentionStartingAt(e); m != nil && m.kind == mDemonym && m.b-m.a == 1 && d.lang == langFR {
			a, b = i, m.b
		}
		if a < 0 {
			continue
		}
		x := d.entity(d.surface(a, b), schema.TypeOrganization, nil)
		d.mention(x, a, b)
		d.addMention(&mention{a: a, b: b, kind: mName, ent: x})
		i = b - 1
	}
}

// anaphoricRegimes reads a definite subject noun for the ruling power
// (words.json "regimeNouns": "le pouvoir a nié", "the regime said") as the
// state the article is about so far: the state named most often before it,
// at least twice (ties go to the latest). A noun with a complement or
// epithet after it ("le pouvoir d'achat", "le pouvoir bélarusse") is left
// to the mention rules; so is a noun that no verb follows.
func (d *doc) anaphoricRegimes() {
	count := map[*ent]int{}
	last := map[*ent]int{}
	for i := 0; i+1 < len(d.toks); i++ {
		if m := d.ma(i); m != nil && m.a == i {
			for _, e := range m.refs() {
				if e != nil && e.typ == schema.TypeState {
					count[e]++
					last[e] = i
				}
			}
			continue
		}
		if !d.is(i, wRegimeNouns) || i == 0 || !definite[d.f(i-1)] || d.ma(i-1) != nil {
			continue
		}
		n := i + 1
		if !d.is(n, wAux) && !d.is(n, wModal) && !d.is(n, wAdverb) && !d.is(n, wReflexive) && !d.cueAt(n) {
			continue
		}
		var found *ent
		for e, c := range count {
			if c >= 2 && (found == nil || c > count[found] || c == count[found] && last[e] > last[found]) {
				found = e
			}
		}
		if found != nil {
			d.addMention(&mention{a: i - 1, b: i + 1, kind: mName, ent: found})
		}
	}
}

// anaphoricBodies reads a definite noun standing for an organization named
// before (words.json "orgAnaphors": "the bloc", "l'alliance", "the Union",
// "l'organisation", "the institution") as the latest organization whose
// names hold one of the noun's words (union, community, treaty …), or, for a
// noun without words, the latest organization that is no state's own body.
// A noun opening a name or a phrase of its own ("l'organisation terroriste",
// "the organization of …") is left alone.
func (d *doc) anaphoricBodies() {
	for i := 1; i+1 < len(d.toks); i++ {
		heads, ok := d.m.orgAnaphors[d.toks[i].f]
		if !ok || d.ma(i) != nil || d.ma(i-1) != nil || !definite[d.f(i-1)] {
			continue
		}
		if n := i + 1; d.is(n, wOf) || d.ma(n) != nil || d.toks[n].k == kWord && d.toks[n].f != "'s" && !d.is(n, wAux) && !d.is(n, wModal) &&
			!d.is(n, wAdverb) && !d.is(n, wRelSubj) && !d.is(n, wCompl) && !d.is(n, wCoord) && !d.is(n, wPrep) && !d.cueAt(n) && !d.is(n, wReflexive) {
			continue
		}
		var found *ent
		for k := i - 2; k >= 0 && k > i-300 && found == nil; k-- {
			m := d.ma(k)
			if m == nil || m.b != k+1 {
				continue
			}
			cands := m.refs()
			if m.kind == mTitle && m.ti != nil {
				cands = append(cands, m.ti.of...)
			}
			for _, e := range cands {
				if e == nil || e.typ != schema.TypeOrganization {
					continue
				}
				if len(heads) == 0 && e.lex != nil && e.lex.Of == "" {
					found = e
					break
				}
				for _, h := range heads {
					if aliasHas([]string{e.name}, h) || e.lex != nil && aliasHas(e.lex.Aliases, h) {
						found = e
						break
					}
				}
				if found != nil {
					break
				}
			}
			k = m.a
		}
		if found != nil {
			found.count++ // a common noun, no alias of the name
			d.addMention(&mention{a: i - 1, b: i + 1, kind: mName, ent: found})
		}
	}
}
