package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/kg/schema"
)

// mkind is what a mention is.
type mkind uint8

const (
	mName    mkind = iota // a name or alias of an entity
	mDemonym              // russe, American: the state, as a modifier
	mMetonym              // Washington, Moscou: the state, by its capital
	mPlace                // a capital or city after a locative preposition
	mTitle                // an office, with or without the holder's name
	mGroup                // a collective actor (séparatistes pro-russes)
	mPronoun              // il, she, they, nous
)

// mention is a stretch of tokens [a,b) that refers to one or more entities.
type mention struct {
	a, b   int
	kind   mkind
	ent    *ent   // the entity, once resolved
	group  []*ent // several entities: "les deux présidents", coordinated names
	ti     *titleInfo
	pron   int // word class of a pronoun
	plural bool
	// staffOf is the office or name whose staff speak ("l'entourage du
	// Premier ministre"); nil for a possessive ("his office")
	staffOf *mention
}

// titleInfo is an office phrase: "le président russe", "sa porte-parole,
// Jen Psaki", "les deux ministres".
type titleInfo struct {
	role string
	of   []*ent
	poss bool // son, sa, his: the office of someone already named
	// possessor is the person named before "'s" ("Johnson's spokesman")
	possessor *ent
	count     int // deux, two
	named     []*ent
	tb        int // end of the title words, before any name
	resolv    bool
	// self: the title names its state by itself (le Président de la République)
	self bool
}

// refs returns the entities a mention stands for.
func (m *mention) refs() []*ent {
	if m == nil {
		return nil
	}
	if len(m.group) > 0 {
		return m.group
	}
	if m.ent != nil {
		return []*ent{m.ent}
	}
	return nil
}

func (d *doc) addMention(m *mention) {
	d.ments = append(d.ments, m)
	for i := m.a; i < m.b; i++ {
		if d.mAt[i] == nil || d.mAt[i].b-d.mAt[i].a < m.b-m.a {
			d.mAt[i] = m
		}
	}
}

// ma returns the outermost mention covering token i, or nil (also out of range).
func (d *doc) ma(i int) *mention {
	if i < 0 || i >= len(d.mAt) {
		return nil
	}
	return d.mAt[i]
}

// mentionEndingAt returns the outermost mention whose last token is j.
func (d *doc) mentionEndingAt(j int) *mention {
	if j < 0 || j >= len(d.toks) {
		return nil
	}
	m := d.ma(j)
	if m != nil && m.b == j+1 {
		return m
	}
	return nil
}

func (d *doc) mentionStartingAt(i int) *mention {
	if i < 0 || i >= len(d.toks) {
		return nil
	}
	m := d.ma(i)
	if m != nil && m.a == i {
		return m
	}
	return nil
}

// findMentions builds the mentions of the whole article: lexicon names,
// demonyms and capitals; names nobody listed (capitalised spans typed by
// their cues); office titles with their holders; collective actors;
// pronouns. Coreference of titles and pronouns waits for the sentence pass.
func (d *doc) findMentions() {
	covered := make([]bool, len(d.toks))
	inTitle := make([]bool, len(d.toks))
	for _, mt := range d.title {
		for i := mt.a; i < mt.b; i++ {
			inTitle[i] = true
		}
	}
	for _, mt := range d.ent {
		a, b := mt.a, mt.b
		if mt.p.kind == pCapital {
			if b2 := d.placeInName(&d.m.ents[mt.p.idx], b); b2 > b {
				e := d.entity(d.surface(a, b2), schema.TypeOrganization, nil)
				d.mention(e, a, b2)
				d.addMention(&mention{a: a, b: b2, kind: mName, ent: e})
				for i := a; i < b2; i++ {
					covered[i] = true
				}
				continue
			}
			// "Riyad Mansour", "Victoria Nuland": a capital that is also a
			// first name, before a capitalised word no lexicon knows, names a person
			if n := d.toks[min(b, len(d.toks)-1)]; b-a == 1 && b < len(d.toks) && d.m.first[d.toks[a].f] && n.k == kWord && n.cap && !n.upper &&
				n.sent == d.toks[a].sent && !d.m.orgHeads[n.f] && !d.is(b, wDet) && !d.is(b, wOf) && len(within(d.ent, b, b+1)) == 0 {
				continue
			}
			// "Jacques Paris": a first name before a capital makes it a surname
			if p := a - 1; b-a == 1 && p >= 0 && d.toks[p].cap && d.toks[p].k == kWord && d.m.first[d.toks[p].f] && d.toks[p].sent == d.toks[a].sent && len(within(d.ent, p, p+1)) == 0 {
				continue
			}
		}
		if inTitle[a] && inTitle[b-1] && mt.p.kind == pEntity && d.m.ents[mt.p.idx].Type != schema.TypeState {
			continue // "ministre de l'Europe et des Affaires étrangères" names no place
		}
		switch mt.p.kind {
		case pEntity:
			le := &d.m.ents[mt.p.idx]
			e := d.lexEntity(int(mt.p.idx))
			// M. / Mme / Mr before a person
			if le.Type == schema.TypePerson {
				if a > 1 && d.f(a-1) == "." && d.isHonorific(a-2) {
					a -= 2
				} else if a > 0 && d.isHonorific(a-1) {
					a--
				}
			}
			if le.Type == schema.TypeState && d.lang == langFR && a > 0 && d.text[d.toks[a-1].s:d.toks[a-1].e] == "à" && d.phraseStart(a-2, wDativeGov) < 0 {
				// "à Luxembourg", "à Singapour": French names countries with en/au;
				// after "à" the name is the city
				e := d.entity(d.surface(a, b), schema.TypePlace, nil)
				d.mention(e, a, b)
				d.addMention(&mention{a: a, b: b, kind: mPlace, ent: e})
				continue
			}
			if le.Type == schema.TypeOrganization && d.is(b, wBodyQual) {
				continue // "Conseil de sécurité nationale": another body than the lexicon's, named below
			}
			if le.Type == schema.TypeOrganization && a > 0 && d.toks[a-1].cap && d.is(a-1, wBodyQual) && d.ma(a-1) == nil && !covered[a-1] {
				// "Haut Conseil de sécurité", "National Security Council":
				// another body than the lexicon's, named with its qualifier
				e := d.entity(d.surface(a-1, b), schema.TypeOrganization, nil)
				d.mention(e, a-1, b)
				d.addMention(&mention{a: a - 1, b: b, kind: mName, ent: e})
				for i := a - 1; i < b; i++ {
					covered[i] = true
				}
				continue
			}
			if le.Type == schema.TypeOrganization && a > 1 && d.f(a-1) == "'s" {
				// "Armenia's Security Council": that state's own body, not the UN's
				if sm := d.entMentionEnding(a - 2); sm != nil && sm.ent != nil && sm.ent.typ == schema.TypeState && schema.Fold(le.Of) != schema.Fold(sm.ent.name) {
					e := d.entity(d.surface(sm.a, b), schema.TypeOrganization, nil)
					d.mention(e, a, b)
					d.addMention(&mention{a: a, b: b, kind: mName, ent: e})
					for i := a; i < b; i++ {
						covered[i] = true
					}
					continue
				}
			}
			if le.Type == schema.TypeAgreement || le.Type == schema.TypeOrganization {
				a = d.extendAgreementLeft(a, le.Type)
			}
			if le.Type == schema.TypeAgreement {
				d.innerBodies(a, b) // "la Charte des Nations unies" names the UN too
			}
			if le.Type == schema.TypePerson && b-a == 1 && a > 0 && d.toks[a-1].cap && d.m.first[d.toks[a-1].f] &&
				d.ma(a-1) == nil && !strings.HasPrefix(schema.Fold(le.Name), d.toks[a-1].f) &&
				!strings.Contains(" "+schema.Fold(le.Name)+" ", " "+d.toks[a-1].f+" ") {
				// "John Sullivan" is not the lexicon's Jake Sullivan: another first name
				e := d.entity(d.surface(a-1, b), schema.TypePerson, nil)
				d.mention(e, a-1, b)
				d.addMention(&mention{a: a - 1, b: b, kind: mName, ent: e})
				d.registerSurname(e)
				covered[a-1], covered[a] = true, true
				continue
			}
			if b2 := d.placeInName(le, b); b2 > b {
				// "Minsk Group", "Malaysia Airlines": a place inside an organization's name
				e := d.entity(d.surface(a, b2), schema.TypeOrganization, nil)
				d.mention(e, a, b2)
				d.addMention(&mention{a: a, b: b2, kind: mName, ent: e})
				for i := a; i < b2; i++ {
					covered[i] = true
				}
				continue
			}
			if st, a2, b2 := d.administration(le, a, b); st != nil {
				// "the Biden administration", "l'administration Biden": the state it governs
				if st.typ == schema.TypeState {
					d.mention(e, a, b) // the leader is named all the same
					d.registerSurname(e)
				}
				d.mention(st, a2, b2)
				d.addMention(&mention{a: a2, b: b2, kind: mMetonym, ent: st})
				for i := a2; i < b2; i++ {
					covered[i] = true
				}
				continue
			}
			if le.Type == schema.TypePerson {
				// "Tayyip Erdogan" for Recep Tayyip Erdoğan, "Kishida Fumio":
				// other words of the person's own name around the match
				a, b = d.nameWordsAround(le, a, b, covered)
			}
			d.mention(e, a, b)
			d.addMention(&mention{a: a, b: b, kind: mName, ent: e})
			if le.Type == schema.TypePerson {
				d.registerSurname(e)
			}
		case pDemonym:
			e := d.lexEntity(int(mt.p.idx))
			d.mention(e, a, b)
			d.addMention(&mention{a: a, b: b, kind: mDemonym, ent: e})
		case pCapital:
			le := &d.m.ents[mt.p.idx]
			// a place after "à"/"in", a dateline, a host city ("the Madrid Summit")
			if d.isLocative(a) || d.dateline(a) || d.is(b, wHostNouns) && d.toks[b].cap {
				e := d.entity(le.Capital[0], schema.TypePlace, nil)
				d.mention(e, a, b)
				d.addMention(&mention{a: a, b: b, kind: mPlace, ent: e})
			} else {
				e := d.lexEntity(int(mt.p.idx))
				d.mention(e, a, b)
				d.addMention(&mention{a: a, b: b, kind: mMetonym, ent: e})
			}
		case pGroup:
			if d.juntaMention(a, covered) {
				continue
			}
			d.groupMention(a, b)
		}
		for i := a; i < b; i++ {
			covered[i] = true
		}
	}
	for i := range d.toks {
		if !covered[i] && d.ma(i) == nil {
			d.juntaMention(i, covered)
		}
	}
	d.pairAgreements(covered)
	d.hyphenParts(covered)
	d.institutions(covered)
	d.namedAgreements(covered)
	d.placeCues(covered)
	d.titleMentions(covered)
	d.unknownNames(covered)
	d.spelledOut()
	d.attachTitles()
	d.definiteBodies()
	d.pronouns()
}

// juntaMention reads a definite "la junte", "the junta", "the military
// council", "les putschistes" (words.json "juntaNouns") at token a as the
// ruling military body the article names (words.json "juntaBodies": CNSP,
// CNRD…), the nearest one before, else the first after; "le porte-parole de
// la junte" then holds that body's office. A junta placed in another state
// ("la junte au pouvoir au Mali") or no such body named: no mention, false.
func (d *doc) juntaMention(a int, covered []bool) bool {
	e := d.phraseEnd(a, wJunta)
	if e < 0 || a == 0 {
		return false
	}
	switch p := d.f(a - 1); {
	case d.is(a-1, wDet), d.is(a-1, wDemonstr), p == "aux", p == "au", p == "du", p == "des":
	default:
		return false
	}
	if d.f(a-1) == "des" && a > 1 && d.toks[a-2].k == kWord && !d.is(a-2, wPrep) && !d.is(a-2, wOf) {
		return false // "partisans des putschistes": a group qualified by the junta
	}
	var body *LexEntity
	var bodyIdx, best = -1, 1 << 30
	for _, mt := range d.ent {
		if mt.p.kind != pEntity || !d.is(mt.a, wJuntaBody) {
			continue
		}
		le := &d.m.ents[mt.p.idx]
		if le.Type != schema.TypeOrganization {
			continue
		}
		dist := a - mt.a
		if dist < 0 {
			dist = len(d.toks) - dist // a body named after: only when none before
		}
		if dist < best {
			best, body, bodyIdx = dist, le, int(mt.p.idx)
		}
	}
	if body == nil {
		return false
	}
	// "la junte au pouvoir au Mali": another state's junta
	for _, mt := range within(d.ent, e, min(e+5, d.sentOf(a)[1])) {
		if (mt.p.kind == pEntity || mt.p.kind == pCapital) && d.m.ents[mt.p.idx].Type == schema.TypeState {
			if d.m.ents[mt.p.idx].Name != body.Of && d.is(mt.a-1, wLoc) {
				return false
			}
			break
		}
	}
	j := d.lexEntity(bodyIdx)
	d.mention(j, a, e)
	d.addMention(&mention{a: a, b: e, kind: mName, ent: j})
	for i := a; i < e; i++ {
		covered[i] = true
	}
	return true
}

// definiteBodies reads "the ministry", "le ministère" (words.json
// "bodyNouns") as the latest organization named before whose name has that
// head noun.
func (d *doc) definiteBodies() {
	for i := 1; i < len(d.toks); i++ {
		f := d.toks[i].f
		if !d.is(i, wBody) || d.ma(i) != nil || d.ma(i-1) != nil {
			continue
		}
		// "an alliance official", "un responsable de l'alliance" name the body too
		indef := (d.f(i-1) == "a" || d.f(i-1) == "an") && d.titleAt(i+1)
		if !definite[d.f(i-1)] && !indef {
			continue
		}
		if d.is(i+1, wOf) || d.ma(i+1) != nil && d.ma(i+1).kind == mDemonym {
			continue // "le ministère de la Défense", "the ministry of …": a name of its own
		}
		for k := i - 2; k >= 0 && k > i-300; k-- {
			m := d.ma(k)
			if m == nil || m.ent == nil || m.ent.typ != schema.TypeOrganization {
				continue
			}
			if strings.Contains(schema.Fold(m.ent.name), f) || m.ent.lex != nil && aliasHas(m.ent.lex.Aliases, f) {
				d.mention(m.ent, i-1, i+1)
				d.addMention(&mention{a: i - 1, b: i + 1, kind: mName, ent: m.ent})
				break
			}
			k = m.a
		}
	}
}

// openingCapitalState returns the state whose capital opens the sentence of
// token pos as a locative ("À Kiev, …", "In Moscow, …"), naming the state
// by its capital there too. Nil when the sentence opens otherwise.
func (d *doc) openingCapitalState(pos int) *ent {
	s := d.sentOf(pos)
	i := s[0]
	if f := d.f(i); f != "a" && f != "in" || i+2 >= pos {
		return nil
	}
	for _, mt := range within(d.ent, i+1, i+2) {
		if mt.p.kind != pCapital || d.f(mt.b) != "," {
			continue
		}
		st := d.lexEntity(int(mt.p.idx))
		if st.typ != schema.TypeState {
			return nil
		}
		d.mention(st, mt.a, mt.b)
		return st
	}
	return nil
}

// placeInName returns the end of an organization's name that a state or
// capital opens ("Minsk Group", "Malaysia Airlines"): capitalised words up
// to an organization head right after it. b when the place stands alone.
func (d *doc) placeInName(le *LexEntity, b int) int {
	if le.Type != schema.TypeState && le.Type != schema.TypePlace && len(le.Capital) == 0 {
		return b
	}
	end := b
	for k := b; k < len(d.toks) && k < b+3; k++ {
		t := d.toks[k]
		if t.k != kWord || !t.cap || t.sent != d.toks[b-1].sent {
			break
		}
		if d.m.orgHeads[t.f] {
			end = k + 1
		}
	}
	// "US House of Representatives", "Russia's Council of Ministers": the
	// name's "of" complement, capitalised and no lexicon name
	if end > b && d.is(end, wOf) && end+1 < len(d.toks) && d.toks[end+1].cap && d.toks[end+1].k == kWord && d.ma(end+1) == nil &&
		d.toks[end+1].sent == d.toks[b-1].sent && !d.is(end+1, wDet) {
		end += 2
		for end < len(d.toks) && d.toks[end].cap && d.toks[end].k == kWord && d.toks[end].sent == d.toks[b-1].sent {
			end++
		}
	}
	return end
}

// administration reads "the Biden administration" / "l'administration
// Obama": a leader's name with the noun of his government stands for the
// state he led at the article's date. Nil when the name is not such a leader.
func (d *doc) administration(le *LexEntity, a, b int) (*ent, int, int) {
	if le.Type != schema.TypePerson || d.year == 0 {
		return nil, 0, 0
	}
	a2, b2 := a, b
	switch {
	case b < len(d.toks) && d.is(b, wGovNouns):
		b2 = b + 1
	case a > 0 && d.is(a-1, wGovNouns):
		a2 = a - 1
	default:
		return nil, 0, 0
	}
	for _, r := range le.Roles {
		if (r.Role == "president" || r.Role == "prime minister" || r.Role == "chancellor") &&
			r.heldAt(d.year, d.month) {
			if st := d.lexByName(r.Of); st != nil && st.typ == schema.TypeState {
				return st, a2, b2
			}
		}
	}
	for _, r := range le.Roles {
		if r.Role == "president" || r.Role == "prime minister" || r.Role == "chancellor" {
			// "the Obama administration" in 2019: a past government, a body of its own
			return d.entity(d.surface(a2, b2), schema.TypeOrganization, nil), a2, b2
		}
	}
	return nil, 0, 0
}

// titleMods are words that qualify an office after its noun ("le président
// par intérim, X", "le Premier ministre sortant X"): they stand between the
// title and the apposed name.
var titleMods = map[string]bool{"interim": true, "intérim": true, "interimaire": true, "sortant": true, "sortante": true,
	"exercice": true, "designe": true, "designee": true, "elu": true, "elue": true}

// afterTitleMods skips "par intérim", "en exercice", "sortant" after a title ending before j.
func (d *doc) afterTitleMods(j int) int {
	for k := 0; k < 3 && j < len(d.toks); k++ {
		switch {
		case (d.f(j) == "par" || d.f(j) == "en") && titleMods[d.f(j+1)]:
			j += 2
		case titleMods[d.f(j)]:
			j++
		default:
			return j
		}
	}
	return j
}

// beforeTitleMods walks back from p over the same modifiers.
func (d *doc) beforeTitleMods(p int) int {
	for k := 0; k < 3 && p > 0; k++ {
		if !titleMods[d.f(p)] {
			return p
		}
		p--
		if d.f(p) == "par" || d.f(p) == "en" {
			p--
		}
	}
	return p
}

// isHonorific reports whether token i is a courtesy title (M., Mme, Mr,
// Dr) or a military rank (General, le général, Colonel) before a name:
// words.json classes "honorifics" and "ranks". A rank in lower case counts
// after a determiner only ("le général Milan Mojsilovic").
func (d *doc) isHonorific(i int) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].k != kWord {
		return false
	}
	if d.is(i, wHonor) && d.toks[i].cap {
		return true
	}
	if d.is(i, wRank) {
		for _, mt := range within(d.title, i-6, i+1) {
			if mt.a <= i && i < mt.b {
				return false // "Secretary General": part of an office
			}
		}
		return d.toks[i].cap || i > 0 && d.is(i-1, wDet)
	}
	return false
}

// extendAgreementLeft widens an agreement or organization name over the
// capitalised words and state names glued before it ("US – Russia
// Presidential Joint Statement on …").
func (d *doc) extendAgreementLeft(a int, t schema.EntityType) int {
	if t != schema.TypeAgreement {
		return a
	}
	s := d.sentOf(a)[0]
	i := a
	for i-1 >= s {
		t := d.toks[i-1]
		if t.k == kWord && t.cap && !d.is(i-1, wDet) || t.f == "-" {
			i--
			continue
		}
		// "Japan-Republic of Korea Joint Declaration": "of" inside the name
		if t.f == "of" && i-2 >= s && d.toks[i-2].k == kWord && d.toks[i-2].cap && d.toks[i].cap {
			i--
			continue
		}
		break
	}
	if i < a && (i == s || !d.toks[i].cap) {
		return a
	}
	for i < a && d.toks[i].f == "-" {
		i++
	}
	return i
}

// isLocative reports whether the token before i (past an article) is a
// locative preposition or "capitale/capital,", making a city a Place.
func (d *doc) isLocative(i int) bool {
	j := i - 1
	if j >= 0 && d.is(j, wDet) && !d.is(j, wLoc) {
		j--
	}
	if j < 0 {
		return false
	}
	if d.toks[j].f == "," {
		j--
	}
	if j < 0 {
		return false
	}
	if d.is(j, wDative) && d.phraseStart(j-1, wDativeGov) >= 0 {
		return false // "hostiles à Paris", "accorde à Minsk une aide": a recipient, the state
	}
	switch d.toks[j].f {
	case "capitale", "capital", "ville", "city", "near":
		return true
	case "to":
		// "his visit to Kyiv", "travelled to Berlin": a destination
		if j > 0 {
			switch p := d.toks[j-1].f; {
			case strings.HasPrefix(p, "visit"), strings.HasPrefix(p, "travel"), strings.HasPrefix(p, "trip"), p == "went",
				p == "flew", p == "arrived", strings.HasPrefix(p, "return"), p == "journey":
				return true
			}
		}
	case "de", "d'", "du", "of":
		if j > 0 && d.phraseStart(j-1, wNear) >= 0 {
			return true // près de Simferopol
		}
		if j > 0 && d.phraseStart(j-1, wCityPart) >= 0 {
			return true // "un hôpital de Berlin", "the streets of Yerevan": the city itself
		}
	}
	return d.is(j, wLoc)
}

func (d *doc) registerSurname(e *ent) {
	parts := strings.Fields(e.name)
	if len(parts) >= 2 {
		d.surname[fold(parts[len(parts)-1])] = e
		// "KISHIDA Fumio", "YOON Suk Yeol": a family name in capitals, or
		// an unlisted name opening with a word no lexicon knows as a given
		// name (East Asian order), is a surname too
		for k, w := range parts {
			if k < len(parts)-1 && len([]rune(w)) >= 2 && isAllUpper(w) && !isAllUpper(e.name) {
				d.surname[fold(w)] = e
			}
		}
		if f := fold(parts[0]); e.lex == nil && len(parts) <= 3 && !d.m.first[f] && !isAllUpper(e.name) && d.surname[f] == nil {
			d.surname[f] = e
		}
	}
	if e.lex != nil {
		for _, a := range e.lex.Aliases {
			if !strings.Contains(a, " ") {
				d.surname[fold(a)] = e
			}
		}
	}
}

// innerBodies mentions the lexicon organizations named inside an
// agreement's name [a,b) ("Charte des Nations unies", "Russia-UN
// memorandum"): the agreement stays the mention, the body is named too.
func (d *doc) innerBodies(a, b int) {
	for k := a + 1; k < b; k++ {
		d.m.trie.walk(d.toks, k, func(end int, vals []payload) {
			if end > b {
				return
			}
			for _, p := range vals {
				if p.kind == pEntity && d.m.ents[p.idx].Type == schema.TypeOrganization && caseOK(d.toks, k, p.rule) {
					d.mention(d.lexEntity(int(p.idx)), k, end)
					return
				}
			}
		})
	}
}

// nameWordsAround widens a lexicon person's match [a,b) over capitalised
// words right before or after it that belong to the person's own name or
// aliases ("Tayyip Erdogan" for Recep Tayyip Erdoğan, "Kishida Fumio" for
// Fumio Kishida), so that the given name is no name of its own.
func (d *doc) nameWordsAround(le *LexEntity, a, b int, covered []bool) (int, int) {
	words := map[string]bool{}
	for _, n := range append([]string{le.Name}, le.Aliases...) {
		for _, w := range strings.Fields(n) {
			words[fold(w)] = true
		}
	}
	ok := func(i int) bool {
		if i < 0 || i >= len(d.toks) || covered[i] || d.ma(i) != nil {
			return false
		}
		t := d.toks[i]
		return t.k == kWord && t.cap && words[t.f] && t.sent == d.toks[a].sent
	}
	for k := 0; k < 2 && ok(a-1); k++ {
		a--
	}
	for k := 0; k < 2 && ok(b); k++ {
		b++
	}
	return a, b
}

// hyphenParts finds demonyms and names inside hyphenated words not
// otherwise matched: pro-russes, Russia-backed, Russian-American.
func (d *doc) hyphenParts(covered []bool) {
	for i, t := range d.toks {
		if covered[i] || t.k != kWord || !strings.Contains(t.f, "-") {
			continue
		}
		w := d.text[t.s:t.e]
		off := 0
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return isHyphen(r) }) {
			start := strings.Index(w[off:], part) + off
			off = start + len(part)
			sub := []tok{{s: 0, e: len(part), f: fold(part), k: kWord, cap: unicode.IsUpper(firstRune(part))}}
			sub[0].upper = sub[0].cap && isAllUpper(part) && len(part) > 1
			var hit *payload
			d.m.trie.walk(sub, 0, func(end int, vals []payload) {
				for k := range vals {
					p := vals[k]
					if (p.kind == pEntity || p.kind == pDemonym) && (p.lang == langAny || p.lang == d.lang) && caseOK(sub, 0, p.rule) {
						if hit == nil || d.m.better(p, *hit) {
							hit = &p
						}
					}
				}
			})
			if hit == nil {
				continue
			}
			le := &d.m.ents[hit.idx]
			if le.Type != schema.TypeState {
				continue
			}
			covered[i] = true
			e := d.lexEntity(int(hit.idx))
			e.count++
			d.alias(e, part)
		}
	}
}

// pairPart reports whether the hyphenated word at token i opens with the
// name of a lexicon state or organization ("Israel-Jordan", "UE-Turquie",
// "Japan-Republic of Korea").
func (d *doc) pairPart(i int) bool {
	t := d.toks[i]
	if t.k != kWord || !t.cap || !strings.Contains(t.f, "-") {
		return false
	}
	w := d.text[t.s:t.e]
	parts := strings.FieldsFunc(w, func(r rune) bool { return isHyphen(r) })
	if len(parts) < 2 {
		return false
	}
	part := parts[0]
	sub := []tok{{s: 0, e: len(part), f: fold(part), k: kWord, cap: true}}
	sub[0].upper = isAllUpper(part) && len(part) > 1
	ok := false
	d.m.trie.walk(sub, 0, func(end int, vals []payload) {
		for _, p := range vals {
			if p.kind == pEntity && caseOK(sub, 0, p.rule) {
				if typ := d.m.ents[p.idx].Type; typ == schema.TypeState || typ == schema.TypeOrganization {
					ok = true
				}
			}
		}
	})
	return ok
}

// named records e as named by tokens [a, b) and marks them covered, so the
// later passes over capitalised words leave them alone.
func (d *doc) named(e *ent, a, b int, covered []bool) {
	d.mention(e, a, b)
	d.addMention(&mention{a: a, b: b, kind: mName, ent: e})
	for k := a; k < b; k++ {
		covered[k] = true
	}
}

// pairAgreements names an agreement by the pair of parties hyphenated
// before or after its noun: "the Israel-Jordan peace treaty", "the
// Japan-Republic of Korea Joint Declaration", "the US-Taliban Agreement",
// "l'accord UE-Turquie". The whole phrase is the Agreement; the parties
// keep their own mentions.
func (d *doc) pairAgreements(covered []bool) {
	for i, t := range d.toks {
		if t.k != kWord || !(agreementNouns[t.f] || t.cap && d.m.agreeHeads[t.f]) {
			continue
		}
		s := d.sentOf(i)
		a, b := -1, -1
		// English: pair [modifiers] noun
		for k := i - 1; k >= s[0] && k >= i-5; k-- {
			if d.pairPart(k) {
				a, b = k, i+1
				break
			}
			tk := d.toks[k]
			if tk.k == kWord && (tk.cap || d.is(k, wAgreeMods) || tk.f == "of" && d.toks[k+1].cap) {
				continue
			}
			break
		}
		// French: noun [modifiers] pair
		if a < 0 && !t.cap {
			for k := i + 1; k < s[1] && k <= i+3; k++ {
				if d.pairPart(k) {
					a, b = i, k+1
					break
				}
				if e := d.phraseEnd(k, wAgreeMods); e > k && !d.toks[k].cap {
					k = e - 1
					continue
				}
				break
			}
		}
		if a < 0 || covered[i] {
			continue
		}
		e := d.entity(d.surface(a, b), schema.TypeAgreement, nil)
		d.mention(e, a, b)
		d.addMention(&mention{a: a, b: b, kind: mName, ent: e})
		for k := a; k < b; k++ {
			if !strings.Contains(d.toks[k].f, "-") {
				covered[k] = true
			}
		}
	}
}

// institutions finds a state's institutions named by common nouns: "le
// ministère russe de la Défense", "Ukraine's foreign ministry", "l'armée
// ukrainienne". Each is an Organization named by its words.
func (d *doc) institutions(covered []bool) {
	for i := range d.toks {
		e := d.phraseEnd(i, wInstitution)
		if e < 0 || covered[i] || len(within(d.title, i-6, i+1)) > 0 && within(d.title, i-6, i+1)[len(within(d.title, i-6, i+1))-1].b > i {
			continue // part of an office: "chef de la diplomatie américaine"
		}
		s := d.sentOf(i)
		a, b := i, e
		var state *ent
		// French: a demonym or "de/d' + state" after, then "de la Défense"
		if m := d.entMentionAt(b); m != nil && m.kind == mDemonym {
			state, b = m.ent, m.b
		} else if f := d.f(b); (f == "de" || f == "d'" || f == "du") && d.entMentionAt(b+1) != nil && d.entMentionAt(b+1).ent.typ == schema.TypeState {
			state, b = d.entMentionAt(b+1).ent, d.entMentionAt(b+1).b
		}
		if state != nil || d.lang == langFR {
			if f := d.f(b); f == "de" || f == "des" || f == "du" || f == "d'" {
				k := b + 1
				for d.f(k) == "la" || d.f(k) == "l'" {
					k++
				}
				if k < s[1] && d.toks[k].cap && d.ma(k) == nil {
					for k < s[1] && (d.toks[k].cap || d.toks[k].k == kWord && !d.is(k, wPrep) && !d.is(k, wAux) && k+1 < s[1] && d.toks[k+1].cap) && d.ma(k) == nil {
						k++
					}
					if k < s[1] && d.toks[k].k == kWord && !d.toks[k].cap && (d.f(k) == "etrangeres" || d.f(k) == "exterieures") {
						k++
					}
					b = k
				}
			}
		}
		// English: a state or demonym before, perhaps with one word between (Russian Defence Ministry)
		if state == nil {
			j := i - 1
			if j > s[0] && d.toks[j].k == kWord && d.ma(j) == nil && !d.is(j, wDet) {
				j--
			}
			if d.f(j) == "'s" {
				j--
			}
			if m := d.entMentionEnding(j); m != nil && m.ent != nil && m.ent.typ == schema.TypeState {
				state, a = m.ent, m.a
			}
		}
		// "Lukashenko's press service", "le service de presse de
		// Loukachenko": a leader's press office is a body of its own, named
		// but speaking for its principal (the words keep reading as the
		// person: "According to Lukashenko's press service, …")
		if state == nil && d.phraseEnd(i, wPressOffice) >= 0 {
			pa, pb := -1, -1
			if pm := d.mentionEndingAt(i - 2); d.f(i-1) == "'s" && pm != nil && pm.ent != nil && pm.ent.typ == schema.TypePerson {
				pa, pb = pm.a, e
			} else if pm := d.personAt(e + 1); (d.f(e) == "de" || d.f(e) == "du") && pm != nil {
				pa, pb = i, pm.b
			}
			if pa >= 0 {
				d.mention(d.entity(d.surface(pa, pb), schema.TypeOrganization, nil), pa, pb)
				continue
			}
		}
		// "le ministère des Affaires étrangères" in a French article: the
		// portfolio names the body even without its state
		if state == nil && !(d.lang == langFR && b > e+1 && d.toks[b-1].k == kWord) || b-a < 2 {
			continue
		}
		d.named(d.entity(d.surface(a, b), schema.TypeOrganization, nil), a, b, covered)
	}
}

var agreementNouns = map[string]bool{"accord": true, "accords": true, "traite": true, "protocole": true,
	"memorandum": true, "agreement": true, "agreements": true, "treaty": true, "protocol": true, "deal": true,
	"pacte": true, "pact": true, "convention": true}

// namedAgreements finds agreements named after a place: "l'accord
// d'Istanbul", "the Istanbul agreement".
func (d *doc) namedAgreements(covered []bool) {
	for i, t := range d.toks {
		if covered[i] || t.cap || !agreementNouns[t.f] {
			continue
		}
		s := d.sentOf(i)
		a, b := -1, -1
		// French: accord de/d' X
		if f := d.f(i + 1); (f == "de" || f == "d'") && i+2 < s[1] && d.toks[i+2].cap {
			k := i + 2
			if m := d.ma(k); m != nil && m.a == k {
				if m.kind == mPlace || m.kind == mMetonym || m.kind == mName && m.ent != nil && m.ent.typ == schema.TypePlace {
					k = m.b
				} else {
					continue
				}
			} else {
				for k < s[1] && d.toks[k].cap && d.toks[k].k == kWord && d.ma(k) == nil {
					k++
				}
			}
			a, b = i, k
		}
		// English: X agreement
		if a < 0 && i > s[0]+1 && d.toks[i-1].cap && d.toks[i-1].k == kWord {
			k := i - 1
			if m := d.ma(k); m != nil {
				if !(m.kind == mPlace || m.kind == mMetonym || m.kind == mName && m.ent != nil && m.ent.typ == schema.TypePlace) {
					continue
				}
				k = m.a
			}
			a, b = k, i+1
		}
		if a < 0 || b-a < 2 {
			continue
		}
		d.named(d.entity(d.surface(a, b), schema.TypeAgreement, nil), a, b, covered)
	}
}

// placeCues finds places named by an infrastructure or geographic noun
// (words.json "placeNouns"): "la centrale de Zaporijjia", "le
// poste-frontière de Guerguerat", "le gazoduc sous-marin Medgaz", "the
// Kerch bridge", "the port of Chornomorsk". The name is the Place; the
// whole phrase becomes an alias.
func (d *doc) placeCues(covered []bool) {
	capSpan := func(k, end int) int {
		j := k
		for j < end && j < k+4 && d.toks[j].k == kWord && d.toks[j].cap && !covered[j] && d.ma(j) == nil && !d.is(j, wDet) {
			j++
		}
		return j
	}
	for i := 0; i < len(d.toks); i++ {
		e := d.phraseEnd(i, wPlaceNoun)
		if e < 0 || covered[i] || d.ma(i) != nil {
			continue
		}
		s := d.sentOf(i)
		// French: noun [de|d'|du] Name; English: the port of Name
		if !d.toks[i].cap {
			k := e
			if f := d.f(k); f == "de" || f == "d'" || f == "du" || f == "of" {
				k++
			}
			if k < s[1] {
				if m := d.entMentionAt(k); m != nil && m.ent != nil && m.ent.typ == schema.TypePlace && m.kind == mName {
					d.mention(m.ent, i, m.b) // "le port d'Odessa": the lexicon's place
					continue
				}
				if j := capSpan(k, s[1]); j > k && (j >= s[1] || !d.toks[j].cap) {
					name := d.surface(k, j)
					pl := d.entity(name, schema.TypePlace, nil)
					d.mention(pl, k, j)
					d.alias(pl, d.surface(i, j))
					d.addMention(&mention{a: i, b: j, kind: mName, ent: pl})
					for x := i; x < j; x++ {
						covered[x] = true
					}
					i = j - 1
					continue
				}
			}
		}
		// English: Name bridge, Name Strait
		if d.lang == langEN && i > s[0]+1 {
			k := i
			for k-1 > s[0] && d.toks[k-1].k == kWord && d.toks[k-1].cap && !covered[k-1] && d.ma(k-1) == nil && !d.is(k-1, wDet) && k > i-3 {
				k--
			}
			if k < i {
				d.named(d.entity(d.surface(k, e), schema.TypePlace, nil), k, e, covered)
				i = e - 1
			}
		}
	}
}

// groupMention builds a collective actor from its noun and modifiers.
func (d *doc) groupMention(a, b int) {
	s := d.sentOf(a)
	na, nb := a, b
	// "their opposition to", "leur opposition à": a stance, no actor
	if a > s[0] && (d.is(a-1, wPoss) || d.is(a-1, wWe)) && b < s[1] && d.is(b, wDative) {
		return
	}
	// "les républiques séparatistes": an adjective after a noun, no actor
	if d.lang == langFR && a > s[0] {
		p := d.toks[a-1]
		if p.k == kWord && !d.is(a-1, wDet) && !d.is(a-1, wPrep) && !quantWords[p.f] && d.ma(a-1) == nil && !d.is(a-1, wCoord) {
			return
		}
	}
	if d.lang == langEN && b < s[1] && d.toks[b].k == kWord && !d.toks[b].cap && !d.is(b, wAux) && !d.is(b, wPrep) &&
		!d.is(b, wCoord) && !d.cueAt(b) && !d.is(b, wCompl) && d.f(b) != "who" {
		return // "separatist republics": an adjective before a noun
	}
	// French: adjectives after (pro-russes, armés, demonyms)
	for nb < s[1] {
		t := d.toks[nb]
		if t.k == kWord && (strings.HasPrefix(t.f, "pro-") || d.demonymAt(nb) || d.is(nb, wGroupMods)) {
			nb++
			continue
		}
		break
	}
	// "partisans des putschistes": a group qualified by another group
	if d.lang == langFR && (d.f(nb) == "des" || d.f(nb) == "de" || d.f(nb) == "du") {
		if end := d.groupAt(nb + 1); end > 0 {
			nb = end
		}
	}
	// English: modifiers before (French sources, Russia-backed rebels)
	for na-1 >= s[0] {
		t := d.toks[na-1]
		if t.k == kWord && (strings.HasSuffix(t.f, "-backed") || strings.HasPrefix(t.f, "pro-") || d.demonymAt(na-1) ||
			strings.HasSuffix(t.f, "-russian") || strings.HasSuffix(t.f, "-russe")) {
			na--
			continue
		}
		break
	}
	head := d.toks[a].f
	if head == "sources" && na == a && nb == b {
		return // "sources" alone is no actor
	}
	// "des sources françaises et allemandes", "French and German sources":
	// two collective actors sharing one noun
	if nb > b && d.is(nb, wCoord) && d.demonymAt(nb+1) && d.demonymAt(nb-1) {
		e1 := d.entity(d.surface(na, nb), schema.TypeOrganization, nil)
		e2 := d.entity(d.surface(a, b)+" "+d.surface(nb+1, nb+2), schema.TypeOrganization, nil)
		d.mention(e1, na, nb)
		d.alias(e2, d.surface(a, b)+" "+d.surface(nb+1, nb+2))
		e2.count++
		d.addMention(&mention{a: na, b: nb + 2, kind: mGroup, group: []*ent{e1, e2}, plural: true})
		return
	}
	if na < a && na-2 >= s[0] && d.is(na-1, wCoord) && d.demonymAt(na-2) && nb == b {
		e1 := d.entity(d.surface(na-2, na-1)+" "+d.surface(a, b), schema.TypeOrganization, nil)
		e2 := d.entity(d.surface(na, nb), schema.TypeOrganization, nil)
		d.alias(e1, d.surface(na-2, na-1)+" "+d.surface(a, b))
		e1.count++
		d.mention(e2, na, nb)
		d.addMention(&mention{a: na - 2, b: nb, kind: mGroup, group: []*ent{e1, e2}, plural: true})
		return
	}
	name := d.surface(na, nb)
	// the bare noun refers back to a group with the same head
	var e *ent
	if na == a && nb == b {
		for _, x := range d.order {
			if x.typ == schema.TypeOrganization && x.lex == nil && strings.Contains(" "+schema.Fold(x.name)+" ", " "+head+" ") {
				e = x
				break
			}
		}
	}
	if e == nil {
		e = d.entity(name, schema.TypeOrganization, nil)
	}
	// quantifiers before: plus de mille manifestants, thousands of
	qa := na
	for qa-1 >= s[0] {
		f := d.toks[qa-1].f
		if d.toks[qa-1].k == kNum || quantWords[f] {
			qa--
			continue
		}
		break
	}
	d.mention(e, na, nb)
	if qa < na {
		d.alias(e, d.surface(qa, nb))
	}
	d.addMention(&mention{a: qa, b: nb, kind: mGroup, ent: e, plural: true})
}

var quantWords = map[string]bool{"plus": true, "de": true, "d'": true, "mille": true, "cent": true, "cents": true,
	"centaines": true, "milliers": true, "dizaines": true, "des": true, "thousands": true, "hundreds": true,
	"dozens": true, "of": true, "more": true, "than": true, "over": true, "several": true, "plusieurs": true}

func (d *doc) demonymAt(i int) bool {
	for _, mt := range within(d.ent, i, i+1) {
		if mt.a == i && mt.p.kind == pDemonym {
			return true
		}
		if mt.a > i {
			break
		}
	}
	return false
}

// titleMentions turns office words into mentions: determiner or
// possessive, an English modifier before (Russian, Kremlin, Ukraine's) or a
// French complement after (russe, d'Allemagne, du Kremlin), a count (deux).
func (d *doc) titleMentions(covered []bool) {
	for _, mt := range d.title {
		if covered[mt.a] {
			continue
		}
		ti := &titleInfo{role: d.m.titles[mt.p.idx].Role}
		if of := d.m.titles[mt.p.idx].Of; of != "" {
			// "le Président de la République" names France's office by itself
			if st := d.lexByName(of); st != nil {
				ti.of = append(ti.of, st)
				ti.self = true
			}
		}
		plural := mt.p.kind == pTitlePlural
		a, b := mt.a, mt.b
		s := d.sentOf(a)
		// French complement: demonyms (russe et américain) or de/d'/du/of + entity
		for {
			if m := d.entMentionAt(b); m != nil && m.kind == mDemonym {
				ti.of = append(ti.of, m.ent)
				b = m.b
				if d.is(b, wCoord) && d.entMentionAt(b+1) != nil && d.entMentionAt(b+1).kind == mDemonym {
					b++
					continue
				}
				// "les dirigeants français, allemand, russe et ukrainien"
				if plural && d.f(b) == "," && d.entMentionAt(b+1) != nil && d.entMentionAt(b+1).kind == mDemonym {
					b++
					continue
				}
				break
			}
			j := b
			if d.is(j, wOf) {
				j++
				for d.f(j) == "la" || d.f(j) == "l'" || d.f(j) == "the" || d.f(j) == "le" {
					j++
				}
				if m := d.entMentionAt(j); m != nil && m.ent != nil && (localRoles[ti.role] || princelyRoles[ti.role] && m.kind == mMetonym) && d.cityOf(m) != nil {
					// "le maire de Kiev": the city's office; "Crown Prince of
					// Abu Dhabi": the emirate's, not the federation's
					ti.of = append(ti.of, d.cityOf(m))
					b = m.b
				} else if m != nil && m.ent != nil && (m.ent.typ == schema.TypeState || m.ent.typ == schema.TypeOrganization) {
					ti.of = append(ti.of, m.ent)
					b = m.b
					if d.is(b, wCoord) && (d.f(b+1) == "de" || d.f(b+1) == "d'" || d.f(b+1) == "of") {
						b++
						continue
					}
					// of France, Germany, and Russia
					for plural {
						k := b
						if d.f(k) == "," {
							k++
						}
						if d.is(k, wCoord) {
							k++
						}
						for d.is(k, wDet) && d.ma(k) == nil {
							k++
						}
						m2 := d.entMentionAt(k)
						if k == b || m2 == nil || m2.ent == nil || m2.ent.typ != schema.TypeState {
							break
						}
						ti.of = append(ti.of, m2.ent)
						b = m2.b
					}
				}
			}
			break
		}
		// "an official source in Riyadh", "un responsable à Moscou": an
		// official placed in a state's capital speaks for that state
		if len(ti.of) == 0 && ti.role == "official" && d.isLocWord(b) {
			if m := d.entMentionAt(b + 1); m != nil && m.ent != nil && (m.kind == mPlace || m.kind == mMetonym) {
				if st := d.capitalState(m); st != nil {
					ti.of = append(ti.of, st)
					b = m.b
				}
			}
		}
		// "le ministre russe des Affaires étrangères": the portfolio after the demonym
		if len(ti.of) > 0 && b < s[1] {
			if f := d.f(b); f == "des" || f == "de" || f == "du" {
				k := b + 1
				for d.f(k) == "la" || d.f(k) == "l'" {
					k++
				}
				if k < s[1] && d.toks[k].cap && d.ma(k) == nil {
					for k < s[1] && d.ma(k) == nil && (d.toks[k].cap || d.f(k) == "etrangeres" || d.f(k) == "exterieures") {
						k++
					}
					switch portfolio := schema.Fold(d.surface(b, k)); {
					case strings.Contains(portfolio, "affaires etrangeres") && (ti.role == "minister" || ti.role == "secretary"):
						ti.role = "foreign minister"
					case strings.Contains(portfolio, "defense") && (ti.role == "minister" || ti.role == "secretary"):
						ti.role = "defence minister"
					}
					b = k
				}
			}
		}
		// English modifier before: Russian Foreign Minister, Ukraine's President, Kremlin spokesman
		if a-1 >= s[0] {
			j := a - 1
			if d.f(j) == "'s" {
				j--
			}
			// one adjective between: German Federal Minister
			if j > s[0] && d.toks[j].cap && d.toks[j].k == kWord && d.ma(j) == nil && d.entMentionEnding(j-1) != nil {
				j--
			}
			for {
				m := d.entMentionEnding(j)
				if m == nil || m.ent == nil || m.kind == mPlace && !localRoles[ti.role] ||
					!(m.ent.typ == schema.TypeState || m.ent.typ == schema.TypeOrganization || m.ent.typ == schema.TypePlace && (m.kind == mDemonym || localRoles[ti.role])) {
					break
				}
				if localRoles[ti.role] {
					// "Moscow's mayor": the city's office, not the state's
					if pl := d.cityOf(m); pl != nil {
						ti.of = append([]*ent{pl}, ti.of...)
						a = m.a
						break
					}
				}
				ti.of = append([]*ent{m.ent}, ti.of...)
				a = m.a
				// French and German ministers
				if !plural || !d.is(m.a-1, wCoord) {
					break
				}
				j = m.a - 2
			}
		}
		// "Boris Johnson's spokesman": the aide of a person named just before
		if len(ti.of) == 0 && a-2 >= s[0] && d.f(a-1) == "'s" {
			if pm := d.mentionEndingAt(a - 2); pm != nil && pm.ent != nil && pm.ent.typ == schema.TypePerson {
				ti.poss, ti.possessor = true, pm.ent
				a = pm.a
			}
		}
		// count and determiner
		if a-1 >= s[0] {
			switch d.f(a - 1) {
			case "deux", "two", "both":
				ti.count, plural = 2, true
				a--
			case "trois", "three":
				ti.count, plural = 3, true
				a--
			case "quatre", "four":
				ti.count, plural = 4, true
				a--
			}
		}
		if a-1 >= s[0] && d.is(a-1, wDet) {
			a--
			if d.is(a, wPoss) {
				ti.poss = true
				if d.f(a) == "leurs" || d.f(a) == "their" {
					plural = true
				}
			}
		}
		ti.tb = b
		m := &mention{a: a, b: b, kind: mTitle, ti: ti, plural: plural}
		d.addMention(m)
	}
}

// entMentionAt returns the entity mention starting at token i, if any.
func (d *doc) entMentionAt(i int) *mention {
	m := d.mentionStartingAt(i)
	if m != nil && m.kind != mTitle && m.kind != mPronoun {
		return m
	}
	return nil
}

func (d *doc) entMentionEnding(j int) *mention {
	m := d.mentionEndingAt(j)
	if m != nil && m.kind != mTitle && m.kind != mPronoun {
		return m
	}
	return nil
}

// unknownNames finds capitalised spans that no lexicon knows and types
// them by their cues: first names, honorifics and titles make persons;
// organization and agreement head words make those; a locative makes a
// place. A lone capitalised word opening a sentence is not a name.
func (d *doc) unknownNames(covered []bool) {
	n := len(d.toks)
	// a headline in Title Case names nothing by its capitals
	if d.titleSent >= 0 {
		s := d.sents[d.titleSent]
		caps, words := 0, 0
		for i := s[0]; i < s[1]; i++ {
			if d.toks[i].k == kWord {
				words++
				if d.toks[i].cap {
					caps++
				}
			}
		}
		if words > 0 && caps*10 >= words*6 {
			for i := s[0]; i < s[1]; i++ {
				covered[i] = true
			}
			defer func() {
				for i := s[0]; i < s[1]; i++ {
					covered[i] = false
				}
			}()
		}
	}
	for i := 0; i < n; {
		t := d.toks[i]
		if covered[i] || t.k != kWord || !t.cap || d.ma(i) != nil {
			i++
			continue
		}
		s := d.sentOf(i)
		j := i
		for j < n && d.toks[j].sent == t.sent && !covered[j] && d.ma(j) == nil {
			tj := d.toks[j]
			if tj.k == kWord && (tj.cap || j > i && d.particleName(j)) {
				j++
				continue
			}
			// "Agnès von der Mühll": a chain of particles inside a name
			if j > i && j+2 < n && (tj.f == "von" || tj.f == "van" || tj.f == "de") && (d.toks[j+1].f == "der" || d.toks[j+1].f == "den" || d.toks[j+1].f == "la") &&
				d.toks[j+2].cap && d.ma(j+2) == nil && !covered[j+2] && !covered[j+1] {
				j += 2
				continue
			}
			// connectors inside names: de, of, von, der, on, and in org names
			if j > i && j+1 < n && d.toks[j+1].cap && d.ma(j+1) == nil && !covered[j+1] {
				switch tj.f {
				case "de", "du", "des", "d'", "of", "on", "for", "von", "van", "der", "den", "la", "le", "al", "bin", "ben":
					j++
					continue
				}
			}
			break
		}
		if j == i {
			i++
			continue
		}
		d.typeUnknown(i, j, s)
		i = j
	}
}

// commonCap reports whether the capitalised word at i is a common noun or
// adjective that names no place alone ("à l'État hôte", "au Palais de …",
// "au Mouvement pour …", "in the Arab and Muslim world", "au Journal
// officiel"): a head of bodies, agreements or media, or words.json
// "commonCaps".
func (d *doc) commonCap(i int) bool {
	f := d.toks[i].f
	return d.m.orgHeads[f] || d.m.agreeHeads[f] || d.is(i, wMedia) || d.is(i, wBody) || d.is(i, wCommonCaps)
}

func (d *doc) typeUnknown(a, b int, s [2]int) {
	// strip function words and sentence-initial common words
	for a < b && (d.is(a, wDet) || d.is(a, wPrep) || d.is(a, wAdverb) || d.is(a, wCoord) || d.is(a, wAux) ||
		d.is(a, wHeM) || d.is(a, wHeF) || d.is(a, wThey) || d.is(a, wWe) || d.is(a, wI) || d.isHonorific(a)) {
		a++
	}
	for b > a && (!d.toks[b-1].cap && !d.particleName(b-1) || d.is(b-1, wI) || d.is(b-1, wWe) || d.is(b-1, wHeM) || d.is(b-1, wHeF) || d.is(b-1, wThey)) {
		b--
	}
	if a >= b {
		return
	}
	first := d.toks[a]
	words := b - a
	if words == 1 && strings.ContainsAny(d.surface(a, b), "0123456789") && !d.m.orgHeads[first.f] {
		return // "F-35", "S-400", "Mi-24": a model, not an actor
	}
	if _, ok := months[first.f]; ok && words == 1 {
		return
	}
	if _, ok := weekdays[first.f]; ok && words == 1 {
		return
	}
	// surname of a person already named
	if words == 1 {
		if e := d.surname[first.f]; e != nil {
			d.mention(e, a, b)
			d.addMention(&mention{a: a, b: b, kind: mName, ent: e})
			return
		}
	}
	// "Conseil suprême de sécurité nationale", "Institut d'État de recherche
	// en chimie organique": an institution's name goes on in lower case
	if d.m.orgHeads[first.f] && first.cap {
		if b2 := d.institutionTail(b, s); b2 > b {
			b = b2
			words = b - a
		}
	}
	// "Ministry of Economy, Trade and Industry": a list of capitalised
	// portfolios goes on an English body's name
	if d.m.orgHeads[first.f] && first.cap && d.lang == langEN && d.is(a+1, wOf) {
		k := b
		for k+1 < s[1] && d.f(k) == "," && d.toks[k+1].cap && d.ma(k+1) == nil {
			k += 2
		}
		if k+1 < s[1] && (d.f(k) == "and" || d.f(k) == "&") && d.toks[k+1].cap && d.toks[k+1].k == kWord && d.ma(k+1) == nil {
			b = k + 2
			words = b - a
		}
	}
	var typ schema.EntityType
	hasOrg, hasAgree := false, false
	for k := a; k < b; k++ {
		if d.m.orgHeads[d.toks[k].f] && d.toks[k].cap {
			hasOrg = true
		}
		if d.m.agreeHeads[d.toks[k].f] && d.toks[k].cap {
			hasAgree = true
		}
	}
	prevTitle := false
	if a > 0 {
		p := a - 1
		if d.f(p) == "," && p > 0 {
			p--
		}
		p = d.beforeTitleMods(p)
		if m := d.ma(p); m != nil && m.kind == mTitle && m.b == p+1 {
			prevTitle = true
		}
		// "le président de la Commission, José Manuel Barroso": the office's
		// organization stands between the title and the apposed name
		if d.f(a-1) == "," {
			for k := p; k > p-9 && k > 0 && !prevTitle; k-- {
				if m := d.ma(k); m != nil && m.kind == mTitle && m.b == k+1 {
					switch d.f(k + 1) {
					case "de", "du", "d'", "des", "of":
						prevTitle = true
					}
				}
				if d.f(k) == "," || d.f(k) == "." {
					break
				}
			}
		}
	}
	honor := a > 0 && (d.isHonorific(a-1) || d.f(a-1) == "." && a > 1 && d.isHonorific(a-2))
	// "le général italien Angelo Michele Ristuccia": a rank and a demonym
	if !honor && a > 1 && d.isHonorific(a-2) && d.ma(a-1) != nil && d.ma(a-1).kind == mDemonym && words >= 2 {
		prevTitle = true
	}
	// a name right before a reporting verb speaks: "Kislitsa said", "Ivan
	// Petrenko a déclaré", and so does a name closing an apposition before
	// one ("…, Miroslav Lajcak, a assuré"); a single name before an English
	// verb's bare form is a modifier ("Western support")
	speaks := d.cueAt(b) && !(words == 1 && d.bareEnglishCue(b)) || d.is(b, wAux) && (d.cueAt(b+1) || d.cueAt(b+2)) ||
		a > 0 && d.inCueVerb(a-1) && (b >= s[1] || d.toks[b].k == kPunct) ||
		words >= 2 && a > 0 && d.f(a-1) == "," && d.f(b) == "," && (d.cueAt(b+1) || d.is(b+1, wAux) && (d.cueAt(b+2) || d.cueAt(b+3)))
	if speaks && !hasOrg && !hasAgree && words <= 3 && (words >= 2 || a != s[0]) {
		prevTitle = true
	}
	// "en présence de Wang Yi, le plus haut responsable de …": a name
	// apposed to an office names a person
	if !hasOrg && !hasAgree && words >= 2 && words <= 3 && d.f(b) == "," {
		for k := b + 1; k < min(b+5, s[1]); k++ {
			if d.titleAt(k) {
				prevTitle = true
				break
			}
			if d.toks[k].k != kWord || d.toks[k].cap {
				break
			}
		}
	}
	// "the foreign ministers, Mevlüt Çavuşoğlu, Pekka Haavisto and Ann
	// Linde": two or three names listed after a person's name
	if !hasOrg && !hasAgree && words >= 2 && words <= 3 && a >= 2 && (d.f(a-1) == "," || d.is(a-1, wCoord)) {
		if pm := d.mentionEndingAt(a - 2); pm != nil && pm.kind == mName && pm.ent != nil && pm.ent.typ == schema.TypePerson {
			prevTitle = true
		}
	}
	// "un ancien policier serbe, Dejan Pantic, que …": two or three names
	// apposed to a common noun phrase name a person
	if !hasOrg && !hasAgree && words >= 2 && words <= 3 && d.apposedToNoun(a, b, s) {
		prevTitle = true
	}
	// "le milliardaire Bidzina Ivanichvili", "the activist Jane Roe": a
	// noun for a kind of person (words.json "personNouns"), perhaps with a
	// demonym, right before two or three names
	if !hasOrg && !hasAgree && words >= 2 && words <= 3 {
		k := a - 1
		if dm := d.ma(k); dm != nil && dm.kind == mDemonym && dm.b == a {
			k = dm.a - 1 // "la chercheuse française Cécile Kohler"
		}
		if k >= s[0] && !d.toks[k].cap && d.phraseStart(k, wPersonNouns) >= s[0] {
			prevTitle = true
		}
	}
	// "l'agence Interfax", "the state news agency Belta", "l'agence russe
	// Tass", "l'agence de presse publique Tanjug": a media noun, perhaps
	// with its adjectives, before the name
	media := false
	for k := a - 1; k >= s[0] && k >= a-4; k-- {
		if d.is(k, wMedia) {
			media = true
			break
		}
		if d.toks[k].k != kWord || d.toks[k].cap || d.ma(k) != nil && d.ma(k).kind != mDemonym {
			break
		}
	}
	switch {
	case media && words <= 3 && !d.m.first[first.f]:
		typ = schema.TypeOrganization
	case hasAgree && words >= 2:
		typ = schema.TypeAgreement
	case hasOrg && words >= 2:
		typ = schema.TypeOrganization
	case d.m.first[first.f] && words >= 2 || honor || prevTitle && words >= 2:
		typ = schema.TypePerson
	case first.upper && words == 1 && len(first.f) >= 3 && a != s[0]:
		typ = schema.TypeOrganization
	case d.isLocative(a) && a != s[0]+1 && words <= 3 && !(words == 1 && d.commonCap(a)):
		typ = schema.TypePlace
	case speaks && words == 1 && a > 0 && (d.f(a-1) == "les" || d.f(a-1) == "des") &&
		(strings.HasSuffix(first.f, "s") || strings.HasSuffix(first.f, "x")):
		typ = schema.TypeOrganization // "les Occidentaux imputent": a collective, not a person
	case prevTitle && words == 1 && a != s[0]:
		typ = schema.TypePerson
	default:
		return
	}
	// "the Saudi Press Agency", "the Iranian News Agency": an English
	// demonym opens a media organization's name
	if typ == schema.TypeOrganization && d.lang == langEN && a > 0 {
		if dm := d.ma(a - 1); dm != nil && dm.kind == mDemonym && dm.b == a && d.toks[dm.a].cap {
			media := false
			for k := a; k < b; k++ {
				media = media || d.is(k, wMedia)
			}
			if media {
				a = dm.a
			}
		}
	}
	if honor && a > 0 {
		a2 := a - 1
		if d.f(a2) == "." {
			a2--
		}
		name := d.surface(a, b)
		e := d.entity(name, typ, nil)
		d.mention(e, a2, b)
		d.alias(e, name)
		d.addMention(&mention{a: a2, b: b, kind: mName, ent: e})
		d.registerSurname(e)
		return
	}
	name := d.surface(a, b)
	e := d.entity(name, typ, nil)
	d.mention(e, a, b)
	d.addMention(&mention{a: a, b: b, kind: mName, ent: e})
	if typ == schema.TypePerson {
		d.registerSurname(e)
	}
}

// attachTitles joins each title to the name that follows it ("le président
// russe Vladimir Poutine", "sa porte-parole, Jen Psaki", "les présidents
// russe et américain, Vladimir Poutine et Joe Biden") and records roles;
// "President Vladimir Putin of Russia" takes its "of" after the name.
func (d *doc) attachTitles() {
	for _, m := range d.ments {
		if m.kind != mTitle {
			continue
		}
		ti := m.ti
		j := d.afterTitleMods(m.b)
		// "le président de la Commission, José Manuel Barroso": the office's
		// body between the title and the apposed name
		if len(ti.of) == 0 && d.is(j, wOf) {
			k := j + 1
			for k < len(d.toks) && d.is(k, wDet) && d.ma(k) == nil {
				k++
			}
			var body *ent
			for n := 0; n < 4 && k < len(d.toks) && d.toks[k].cap; n++ {
				if o := d.ma(k); o != nil && o.ent != nil && o.ent.typ == schema.TypeOrganization {
					body = o.ent
					k = o.b
					break
				}
				k++
			}
			if k > j+1 && d.f(k) == "," && d.personAt(k+1) != nil {
				if body == nil {
					// "de la Commission, José Manuel Barroso": the body the
					// lexicon gives the apposed person's office, named short
					body = d.heldBody(d.personAt(k+1).ent, ti.role, j+1, k)
				}
				j = k
				if body != nil {
					ti.of = append(ti.of, body)
				}
			}
		}
		// "le représentant spécial de l'UE pour le dialogue entre Belgrade
		// et Pristina, Miroslav Lajcak": a complement of the office's remit
		// between the title and the apposed name
		if d.is(j, wRemit) {
			for k := j + 1; k < len(d.toks) && k < j+12 && d.toks[k].sent == d.toks[j].sent; k++ {
				if d.cueAt(k) || d.is(k, wAux) || d.toks[k].k == kQuoteOpen {
					break
				}
				if d.f(k) == "," {
					if d.personAt(k+1) != nil {
						j = k
					}
					break
				}
			}
		}
		comma := false
		if d.f(j) == "," {
			j++
			comma = true
			// "le ministre saoudien des Affaires étrangères, le prince X,":
			// a determiner before a ranked name
			if d.is(j, wDet) && (d.is(j+1, wRank) || d.is(j+1, wHonor)) && d.personAt(j+1) != nil {
				j++
			}
		}
		var names []*mention
		for {
			nm := d.personAt(j)
			if nm == nil {
				break
			}
			names = append(names, nm)
			j = nm.b
			if d.is(j, wCoord) && d.personAt(j+1) != nil && (m.plural || len(names) > 0 && m.plural) {
				j++
				continue
			}
			if d.f(j) == "," && d.personAt(j+1) != nil && m.plural {
				j++
				continue
			}
			break
		}
		if len(names) == 0 {
			// "Dmytro Kuleba, Ukraine's foreign minister, said": the office after the name
			if !m.plural && m.a >= 2 && d.f(m.a-1) == "," && len(ti.of) > 0 && ti.role != "counterpart" {
				if nm := d.mentionEndingAt(m.a - 2); nm != nil && nm.kind == mName && nm.ent != nil && nm.ent.typ == schema.TypePerson {
					d.addRole(nm.ent, ti.role, ti.of[0], nm.a, ti.tb, 0.85, "apposition: "+d.surface(m.a, ti.tb))
					d.alias(nm.ent, d.surface(m.a, ti.tb))
					m.ent = nm.ent
					ti.named = []*ent{nm.ent}
					ti.resolv = true
				}
			}
			// "X, Crown Prince of Abu Dhabi and Deputy Supreme Commander of
			// the Armed Forces,": a second office coordinated with the first
			if p := d.coordinatedOffice(m); p != nil && !m.plural && len(ti.of) > 0 && ti.role != "counterpart" {
				d.addRole(p, ti.role, ti.of[0], m.a, m.b, 0.8, "apposition: "+d.surface(m.a, m.b))
				m.ent = p
				ti.named = []*ent{p}
				ti.resolv = true
			}
			continue
		}
		if comma && !m.plural && len(names) == 1 {
			// apposition: the name must close the phrase
			f := d.f(j)
			if !(f == "," || f == "." || f == ")" || d.is(j, wAux) || d.toks[j].k == kPunct || j >= len(d.toks)) && d.ma(j) == nil {
				if !(d.cueAt(j)) {
					continue
				}
			}
		}
		if len(names) > 1 && !m.plural {
			names = names[:1]
			j = names[0].b
		}
		// "President Vladimir Putin of Russia"
		if len(ti.of) == 0 && (d.f(j) == "of" || d.f(j) == "de" || d.f(j) == "d'") {
			k := j + 1
			if d.f(k) == "the" {
				k++
			}
			if em := d.entMentionAt(k); em != nil && em.ent != nil && em.ent.typ == schema.TypeState {
				ti.of = append(ti.of, em.ent)
				j = em.b
			}
		}
		if ti.poss && len(ti.of) == 0 {
			if st := d.frontedOwner(m.a, nil); st != nil {
				ti.of = append(ti.of, st)
			}
		}
		// "sa porte-parole, X": the office of the organization just named
		if ti.poss && len(ti.of) == 0 {
			// "La Hongrie s'est dite opposée … Son Premier ministre, Viktor
			// Orban": the actor opening the sentence before, else the nearest
			// organization
			if si := d.toks[m.a].sent; si > 0 && d.sentOf(m.a)[0] >= m.a-1 {
				ps := d.sents[si-1]
				if pm := d.sentenceSubject(ps, ps[1]); pm != nil && pm.ent != nil &&
					(pm.ent.typ == schema.TypeState || pm.ent.typ == schema.TypeOrganization) {
					ti.of = append(ti.of, pm.ent)
				}
			}
		}
		if ti.poss && len(ti.of) == 0 && !roleFamily("minister", ti.role) {
			// a minister is a state's, never a body's
			for k := m.a - 1; k >= 0 && k > m.a-80; k-- {
				if o := d.ma(k); o != nil && o.ent != nil && o.ent.typ == schema.TypeOrganization {
					ti.of = append(ti.of, o.ent)
					break
				}
			}
		}
		// "À Kiev, le chef de l'Etat Petro Porochenko": the office of the
		// state whose capital opens the sentence
		if len(ti.of) == 0 && !ti.poss && !m.plural && localRoles[ti.role] {
			// "In Moscow, Mayor Sergei Sobyanin": the city's office
			if pm := d.ma(d.sentOf(m.a)[0] + 1); pm != nil && (d.f(pm.a-1) == "in" || d.f(pm.a-1) == "a") && pm.b < m.a && d.f(pm.b) == "," {
				if pl := d.cityOf(pm); pl != nil {
					ti.of = append(ti.of, pl)
				}
			}
		}
		if len(ti.of) == 0 && !ti.poss && !m.plural && ti.role != "counterpart" && ti.role != "official" && ti.role != "side" {
			if st := d.openingCapitalState(m.a); st != nil {
				ti.of = append(ti.of, st)
			}
		}
		// "le ministre de la Défense, Milos Vucevic" after the Serbian
		// president; "Son ministre de l'Intérieur, X" after Kosovo's prime
		// minister: an office without its state is that of the context
		if len(ti.of) == 0 && !m.plural && len(names) == 1 && !contextless[ti.role] {
			if st := d.contextOffice(m.a, names[0].ent, ti); st != nil {
				ti.of = append(ti.of, st)
			}
		}
		// "Foreign Ministry spokeswoman Maria Zakharova": a body named short
		// before the office is the one the lexicon gives the person's office
		if len(ti.of) <= 1 && len(names) == 1 && !m.plural && d.lang == langEN {
			if om := d.mentionEndingAt(m.a - 1); om != nil && om.kind == mName && om.ent != nil &&
				om.ent.typ == schema.TypeOrganization && om.ent.lex == nil {
				if body := d.heldBody(names[0].ent, ti.role, om.a, om.b); body != nil {
					om.ent.count-- // the short name was the lexicon body's
					ti.of = []*ent{body}
				}
			}
		}
		titleSurface := d.surface(m.a, ti.tb)
		for k, nm := range names {
			ti.named = append(ti.named, nm.ent)
			var of *ent
			if len(ti.of) == len(names) {
				of = ti.of[k]
			} else if len(ti.of) == 1 {
				of = ti.of[0]
			}
			if of != nil {
				role := ti.role
				if role == "counterpart" && nm.ent.lex != nil {
					// son homologue russe Vladimir Poutine: the office the lexicon knows
					for _, r := range nm.ent.lex.Roles {
						if schema.Fold(r.Of) == schema.Fold(of.name) && r.heldAt(d.year, d.month) {
							role = r.Role
						}
					}
				}
				d.addRole(nm.ent, role, of, m.a, nm.b, 0.9, "apposition: "+titleSurface)
			}
			if !m.plural {
				d.alias(nm.ent, titleSurface)
				d.alias(nm.ent, d.surface(m.a, nm.b))
			}
		}
		ti.resolv = true
		m.b = j
		if len(names) == 1 && !m.plural {
			m.ent = names[0].ent
		} else {
			m.group = ti.named
		}
		d.addMention(m)
	}
}

// coordinatedOffice returns the person an office coordinated with another
// one names ("Crown Prince of Abu Dhabi and Deputy Supreme Commander of …"):
// the holder of the office that ends right before "and/et", with at most two
// capitalised qualifiers between. Nil when none.
func (d *doc) coordinatedOffice(m *mention) *ent {
	k := m.a - 1
	for n := 0; n < 2 && k > 0 && d.toks[k].cap && d.toks[k].k == kWord && d.ma(k) == nil; n++ {
		k--
	}
	if k <= 0 || !d.is(k, wCoord) || d.toks[k].sent != d.toks[m.a].sent {
		return nil
	}
	for _, p := range d.ments {
		if p != m && p.kind == mTitle && p.b == k && p.ent != nil && p.ent.typ == schema.TypePerson && p.ti != nil && !p.plural {
			return p.ent
		}
	}
	return nil
}

// heldBody returns the organization of which the lexicon makes p the
// holder of an office of role's family at the article's date, when the
// capitalised words among tokens [a,b) are part of its name or an alias
// ("la Commission" for the European Commission); it is mentioned there.
// Nil when none.
func (d *doc) heldBody(p *ent, role string, a, b int) *ent {
	if p == nil || p.lex == nil || d.year == 0 {
		return nil
	}
	var words []string
	for k := a; k < b; k++ {
		if d.toks[k].cap && d.toks[k].k == kWord && !d.is(k, wDet) {
			words = append(words, d.toks[k].f)
		}
	}
	if len(words) == 0 {
		return nil
	}
	for _, r := range p.lex.Roles {
		if !r.heldAt(d.year, d.month) || !roleFamily(role, r.Role) && !roleFamily(r.Role, role) {
			continue
		}
		o := d.lexByName(r.Of)
		if o == nil || o.typ != schema.TypeOrganization || o.lex == nil {
			continue
		}
		for _, n := range append([]string{o.lex.Name}, o.lex.Aliases...) {
			all := true
			for _, w := range words {
				if !strings.Contains(" "+fold(n)+" ", " "+w+" ") {
					all = false
				}
			}
			if all {
				d.mention(o, a, b)
				d.addMention(&mention{a: a, b: b, kind: mName, ent: o})
				return o
			}
		}
	}
	return nil
}

// groupAt returns the end of a collective noun (words.json "groups")
// starting at token i, or -1.
func (d *doc) groupAt(i int) int {
	for _, mt := range within(d.ent, i, i+1) {
		if mt.p.kind == pGroup {
			return mt.b
		}
	}
	return -1
}

// personAt returns a person mention starting at i.
func (d *doc) personAt(i int) *mention {
	m := d.mentionStartingAt(i)
	if m != nil && m.kind == mName && m.ent != nil && m.ent.typ == schema.TypePerson {
		return m
	}
	return nil
}

func (d *doc) cueAt(i int) bool { return startsAt(d.cue, i) }

// pronouns marks personal pronouns (il, she, they, nous, I) as mentions to
// resolve in the sentence pass.
func (d *doc) pronouns() {
	for i, t := range d.toks {
		if d.ma(i) != nil || t.k != kWord {
			continue
		}
		// "les deux pays", "the two neighbours", "both countries": the two
		// parties named last
		if e := d.phraseEnd(i, wPairDet); e > i {
			k := e
			if !d.is(k, wPartyNouns) && d.toks[k].k == kWord && !d.toks[k].cap && d.ma(k) == nil {
				k++ // "les deux grands rivaux"
			}
			if d.is(k, wPartyNouns) && d.ma(k) == nil {
				pron := wPairDet
				if d.is(i, wTripleDet) {
					pron = wTripleDet // "the three countries", "les trois pays"
				}
				d.addMention(&mention{a: i, b: k + 1, kind: mPronoun, pron: pron, plural: true})
				continue
			}
		}
		// "his office said", "son entourage", "l'entourage du Premier
		// ministre": a person's staff speak for that person
		// "Netanyahu's office said": the named person's staff
		if t.f == "'s" && d.is(i+1, wStaff) && d.ma(i+1) == nil {
			if n := d.mentionEndingAt(i - 1); n != nil && (n.kind == mTitle || n.kind == mName) {
				d.addMention(&mention{a: i, b: i + 2, kind: mPronoun, pron: wStaff, staffOf: n})
				continue
			}
		}
		if (d.is(i, wPoss) && d.f(i) != "its" || definite[t.f]) && d.is(i+1, wStaff) && d.ma(i+1) == nil {
			if d.is(i, wPoss) {
				d.addMention(&mention{a: i, b: i + 2, kind: mPronoun, pron: wStaff})
				continue
			}
			if d.is(i+2, wOf) {
				k := i + 3
				for d.is(k, wDet) && d.ma(k) == nil {
					k++
				}
				if n := d.ma(k); n != nil && n.a == k && (n.kind == mTitle || n.kind == mName) {
					d.addMention(&mention{a: i, b: i + 2, kind: mPronoun, pron: wStaff, staffOf: n})
					continue
				}
			}
		}
		// "ce dernier", "the latter": the person named last
		if e := max(d.phraseEnd(i, wLatterM), d.phraseEnd(i, wLatterF)); e > i {
			c := wLatterM
			if d.phraseEnd(i, wLatterF) == e {
				c = wLatterF
			}
			d.addMention(&mention{a: i, b: e, kind: mPronoun, pron: c})
			continue
		}
		for _, c := range []int{wHeM, wHeF, wThey, wWe, wI} {
			if !d.is(i, c) {
				continue
			}
			if t.upper && t.f == "us" {
				break
			}
			if t.f == "il" && (d.f(i+1) == "y" || d.f(i+1) == "faut" || d.f(i+1) == "s'agit") {
				break
			}
			if c == wWe && (t.f == "notre" || t.f == "nos" || t.f == "our" || t.f == "us") {
				break // possessives and objects are not subjects
			}
			if c == wHeM && t.f == "lui" {
				break
			}
			d.addMention(&mention{a: i, b: i + 1, kind: mPronoun, pron: c, plural: c == wThey || c == wWe})
			break
		}
	}
}

// bareEnglishCue reports whether the cue at token i is an English verb's
// bare form ("support", "regret"): after a single name it is a noun the
// name modifies, since a singular subject would take "supports".
func (d *doc) bareEnglishCue(i int) bool {
	if d.lang != langEN {
		return false
	}
	for _, c := range within(d.cue, i, i+1) {
		if c.p.kind == pVerb {
			if v := d.m.verbs[c.p.idx]; v.EN != "" && strings.Fields(fold(v.EN))[0] == d.f(i) {
				return true
			}
		}
	}
	return false
}

// apposedToNoun reports whether the capitalised words [a,b) stand in
// apposition to a common noun phrase just before ("un ancien policier
// serbe, Dejan Pantic, que …", "a former officer, John Smith, who …"): a
// comma after a lower-case word of a phrase a determiner opens a few words
// back, and a comma, a relative pronoun or the sentence end after.
func (d *doc) apposedToNoun(a, b int, s [2]int) bool {
	if a < s[0]+3 || d.f(a-1) != "," {
		return false
	}
	p := a - 2
	if t := d.toks[p]; t.k != kWord || t.cap && (d.ma(p) == nil || d.ma(p).kind != mDemonym) {
		return false
	}
	det := false
	for k := p; k >= s[0] && k > p-5; k-- {
		if d.toks[k].k != kWord || d.ma(k) != nil && d.ma(k).kind != mDemonym {
			break
		}
		if d.is(k, wDet) {
			det = true
			break
		}
	}
	if !det {
		return false
	}
	switch f := d.f(b); {
	case b >= s[1], f == ",", f == ".", f == "qui", f == "que", f == "qu'", f == "who", f == "whom", f == "whose":
		return true
	}
	return false
}

// localRoles are offices of a city or region, not of a state: "Moscow's
// mayor" holds Moscow's office though "Moscow" alone stands for Russia.
var localRoles = map[string]bool{"mayor": true, "governor": true}

// cityOf returns the Place a mention names as a city: a lexicon Place, or
// a capital (Place after a locative, metonym otherwise) as its own Place.
func (d *doc) cityOf(m *mention) *ent {
	if m == nil || m.ent == nil {
		return nil
	}
	if m.ent.typ == schema.TypePlace {
		return m.ent
	}
	for _, mt := range within(d.ent, m.a, m.a+1) {
		if mt.p.kind == pCapital && mt.a == m.a {
			le := &d.m.ents[mt.p.idx]
			pl := d.entity(le.Capital[0], schema.TypePlace, nil)
			d.alias(pl, d.surface(mt.a, mt.b))
			pl.count++
			return pl
		}
	}
	return nil
}

// princelyRoles are a dynasty's offices: followed by "of" and a capital
// they are the office of that city-state or emirate ("Crown Prince of Abu
// Dhabi", "l'émir de Dubaï"), not of the federation it is the capital of.
var princelyRoles = map[string]bool{"crown prince": true, "emir": true, "ruler": true}

// contextless roles name no state of their own: a counterpart, an
// official, a side, a leader.
var contextless = map[string]bool{"counterpart": true, "official": true, "side": true, "leader": true}

// contextOffice finds the state or organization of an office named without
// one, held by person p: the office the lexicon knows p held at the
// article's date; else, for "son/sa/his" offices, the latest organization
// or office-holder's state named in the two sentences before; else the
// state of the latest person named there holding an office of a state.
func (d *doc) contextOffice(at int, p *ent, ti *titleInfo) *ent {
	if p.lex != nil {
		for _, r := range p.lex.Roles {
			if (roleFamily(ti.role, r.Role) || roleFamily(r.Role, ti.role)) && r.heldAt(d.year, d.month) {
				return d.lexByName(r.Of)
			}
		}
		return nil // a known person: no guess
	}
	// "Prime Minister Kishida" after "KISHIDA Fumio, Prime Minister of
	// Japan": the office already read for that person
	for _, r := range p.roles {
		if r.of != nil && (roleFamily(ti.role, r.role) || roleFamily(r.role, ti.role)) {
			return r.of
		}
	}
	if ti.poss {
		if st := d.frontedOwner(at, p); st != nil {
			return st
		}
	}
	first := d.toks[at].sent - 2
	for k := at - 1; k >= 0 && d.toks[k].sent >= first; k-- {
		m := d.ma(k)
		if m == nil || m.b != k+1 {
			continue
		}
		k = m.a
		if m.kind == mPronoun {
			continue
		}
		for _, e := range m.refs() {
			if e == p {
				continue
			}
			if ti.poss && e.typ == schema.TypeOrganization && m.kind == mName && e.lex == nil && !roleFamily("minister", ti.role) {
				return e // "La force de l'Otan au Kosovo (KFOR) … son commandant"
			}
			if e.typ != schema.TypePerson {
				continue
			}
			for _, r := range e.roles {
				// "Le secrétaire général de l'ONU, …, d'après son porte-parole": his body
				if r.of != nil && (r.of.typ == schema.TypeState || ti.poss && r.of.typ == schema.TypeOrganization) {
					return r.of
				}
			}
		}
	}
	return nil
}

// spelledOut joins an organization's acronym in parentheses to the name it
// abbreviates ("l'Organisation pour l'interdiction des armes chimiques
// (OIAC)", "La force de l'Otan au Kosovo (KFOR)"): the whole phrase is one
// mention of the acronym's organization, so that it can be a subject, and
// the spelled-out name becomes an alias. The phrase opens at a capitalised
// organization head or at a determiner before a body noun, at most ten
// words back, with no verb or comma inside.
func (d *doc) spelledOut() {
	for i := 2; i+1 < len(d.toks); i++ {
		if d.f(i-1) != "(" || d.f(i+1) != ")" || !d.toks[i].upper {
			continue
		}
		am := d.ma(i)
		if am == nil || am.a != i || am.b != i+1 || am.ent == nil || am.ent.typ != schema.TypeOrganization {
			continue
		}
		open := i - 1
		s := d.sentOf(i)
		start := -1
		for k := open - 1; k >= s[0] && k >= open-10; k-- {
			t := d.toks[k]
			if t.k != kWord || d.is(k, wAux) || d.cueAt(k) {
				break
			}
			if t.cap && d.m.orgHeads[t.f] {
				start = k
			} else if d.is(k, wBody) && k > s[0] && d.is(k-1, wDet) {
				start = k - 1
			}
		}
		if start < 0 || open-start < 2 {
			continue
		}
		if d.is(start, wDet) && start+1 < open && !d.toks[start+1].cap {
			// keep "La force …" whole; a determiner before a capitalised name goes
		} else if d.is(start, wDet) {
			start++
		}
		d.alias(am.ent, d.surface(start, open))
		d.mention(am.ent, start, i+2)
		d.addMention(&mention{a: start, b: i + 2, kind: mName, ent: am.ent})
	}
}

// aliasHas reports whether one of the aliases holds the folded word w
// ("Alliance atlantique" for "the alliance").
func aliasHas(aliases []string, w string) bool {
	for _, a := range aliases {
		if strings.Contains(" "+schema.Fold(a)+" ", " "+w+" ") {
			return true
		}
	}
	return false
}

// titleAt reports whether an office title starts at token i.
func (d *doc) titleAt(i int) bool { return startsAt(d.title, i) }

// particleName reports whether token i is an Arabic-style name with its
// article or filiation joined by a hyphen ("al-Aiban", "el-Sissi",
// "bin-Salman", words.json "nameParticles"): a part of a name though it
// opens in lower case.
func (d *doc) particleName(i int) bool {
	t := d.toks[i]
	raw := d.text[t.s:t.e]
	h := strings.IndexByte(raw, '-')
	if h <= 0 || h+1 >= len(raw) || raw[h+1] < 'A' || raw[h+1] > 'Z' {
		return false
	}
	return d.m.particles[schema.Fold(raw[:h])]
}

// institutionTail returns the end of the lower-case words that go on an
// institution's name from token b: nouns and adjectives joined by de, d',
// des, du, en, et (words.json "nameLinks"), up to an article, a
// punctuation, a verb, a demonym or another mention; b when none.
func (d *doc) institutionTail(b int, s [2]int) int {
	if d.lang != langFR || !d.is(b, wNameLink) && !d.is(b, wBodyQual) {
		return b // English names are capitalised; "l'Alliance apportait" is no name
	}
	end := b
	for k := b; k < s[1] && k < b+10; k++ {
		t := d.toks[k]
		if t.k != kWord || d.ma(k) != nil || d.cueAt(k) || d.is(k, wDet) || d.is(k, wAux) || d.is(k, wCompl) ||
			d.is(k, wRelSubj) || d.is(k, wNeg) || d.is(k, wCoord) && !d.is(k, wNameLink) || d.is(k, wAdverb) && !d.is(k, wNameLink) {
			break
		}
		if d.is(k, wNameLink) {
			continue // kept only if a word follows
		}
		if t.cap || d.is(k, wPrep) || d.is(k, wModal) {
			break
		}
		end = k + 1
	}
	return end
}

// dateline reports whether token a opens its sentence in capitals before a
// comma or dash ("VIENNA — ", "MOSCOW, Feb 18 -"): a place the story is
// filed from, not an actor.
//
// Several places open a dateline too ("MOSCOW/YEREVAN —"), and a
// communiqué's line of places before its date names them in any case
// ("Paris et Berlin, le 18 mai 2020", "Madrid, 28 June 2022").
func (d *doc) dateline(a int) bool {
	s := d.sentOf(a)
	if a+1 >= len(d.toks) {
		return false
	}
	// the chain of capitalised words and separators from the sentence start
	upper, inChain := true, false
	k := s[0]
	for k < s[1] {
		t := d.toks[k]
		if t.k == kWord && t.cap {
			upper = upper && t.upper
			inChain = inChain || k == a
			k++
			continue
		}
		if k > s[0] && k+1 < s[1] && d.toks[k+1].cap && (t.f == "/" || d.is(k, wCoord) && !d.toks[k-1].upper == !d.toks[k+1].upper) {
			k++
			continue
		}
		break
	}
	if !inChain || k >= s[1] || k == s[0] {
		return false
	}
	switch d.text[d.toks[k].s:d.toks[k].e] {
	case ",", "—", "–", "-":
	default:
		return false
	}
	if upper {
		return true
	}
	// a date right after the comma, and the line ends soon after
	if s[1]-k > 7 {
		return false
	}
	for j := k + 1; j < s[1] && j < k+4; j++ {
		if _, ok := months[d.f(j)]; ok {
			return true
		}
		if _, ok := weekdays[d.f(j)]; ok {
			return true
		}
	}
	return false
}

// isLocWord reports whether token i is "in", "à" or "at": a locative.
func (d *doc) isLocWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	raw := d.text[d.toks[i].s:d.toks[i].e]
	return raw == "in" || raw == "à" || raw == "at"
}

// capitalState returns the state of a capital's mention (a Place named
// after a locative, or the metonym itself), nil when it names none.
func (d *doc) capitalState(m *mention) *ent {
	if m.ent.typ == schema.TypeState {
		return m.ent
	}
	for _, mt := range within(d.ent, m.a, m.a+1) {
		if mt.p.kind == pCapital && mt.a == m.a {
			if st := d.lexEntity(int(mt.p.idx)); st.typ == schema.TypeState {
				return st
			}
		}
	}
	return nil
}

// frontedOwner returns the state or body of the person a fronted source's
// possessive points to ("D'après son porte-parole, Steffen Seibert, Mme
// Merkel a …": the subject that follows, by the lexicon's office that
// year); nil when the office stands elsewhere.
func (d *doc) frontedOwner(at int, p *ent) *ent {
	s := d.sentOf(at)
	if at-s[0] > 3 || !(d.f(s[0]) == "selon" || d.f(s[0]) == "d'" && d.f(s[0]+1) == "apres" || d.f(s[0]) == "according") {
		return nil
	}
	for k := at + 1; k < s[1]; k++ {
		m := d.ma(k)
		if m == nil || m.a != k || m.kind == mPronoun || m.kind == mTitle {
			continue
		}
		for _, e := range m.refs() {
			if e == p || e.typ != schema.TypePerson || e.lex == nil {
				continue
			}
			for _, r := range e.lex.Roles {
				if r.heldAt(d.year, d.month) {
					return d.lexByName(r.Of)
				}
			}
		}
		k = m.b - 1
	}
	return nil
}
