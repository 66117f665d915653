package extract

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/kg/schema"
)

//go:embed lexicon/*.json
var embedded embed.FS

// Lexicon is the extractor's knowledge, as data. Every file of
// lexicon/*.json and every user file given to WithLexiconFiles decodes into
// this one shape (any subset of the keys); files are merged in order, so a
// user file adds entries or adds aliases to an entity of the same name.
type Lexicon struct {
	Entities []LexEntity `json:"entities,omitempty"`
	Titles   []Title     `json:"titles,omitempty"`
	Verbs    []VerbCue   `json:"verbs,omitempty"`
	Nouns    []NounCue   `json:"nouns,omitempty"`
	Phrases  []NounCue   `json:"phrases,omitempty"`
	// Evaluations are words in reported content that carry the act of a
	// neutral report ("said the move was highly dangerous" criticizes,
	// "a répété que Moscou n'avait « rien à voir »" denies).
	Evaluations []NounCue           `json:"evaluations,omitempty"`
	Triggers    []Trigger           `json:"triggers,omitempty"`
	Groups      []Group             `json:"groups,omitempty"`
	FirstNames  []string            `json:"firstNames,omitempty"`
	OrgHeads    []string            `json:"orgHeads,omitempty"`
	AgreeHeads  []string            `json:"agreementHeads,omitempty"`
	Codes       map[string]Codes    `json:"codes,omitempty"`
	Words       map[string][]string `json:"words,omitempty"`
	// Regions are ISO 3166 codes whose CLDR names (French and English)
	// become State entities, so that every country is known by name.
	Regions []string `json:"regions,omitempty"`
}

// LexEntity is a known entity: canonical name, type, aliases in any
// language, and for states the demonyms and capital (a metonym for the state,
// a Place after a locative preposition). Persons may carry the offices they
// held, with years, so that "the Kremlin spokesman" finds Peskov.
type LexEntity struct {
	Name      string            `json:"name"`
	Type      schema.EntityType `json:"type"`
	Aliases   []string          `json:"aliases,omitempty"`
	SameAs    []string          `json:"sameAs,omitempty"`
	DemonymFR []string          `json:"demonymFr,omitempty"` // masculine singular; inflected
	DemonymEN []string          `json:"demonymEn,omitempty"` // adjective and noun forms
	Capital   []string          `json:"capital,omitempty"`   // first form is the Place's name
	Of        string            `json:"of,omitempty"`        // an organization's state
	Seat      bool              `json:"seat,omitempty"`      // a seat of power (Kremlin): a place after "à", "in"
	Gender    string            `json:"gender,omitempty"`    // m or f, for pronouns
	Roles     []LexRole         `json:"roles,omitempty"`

	curated bool // from WithAliases: wins over the lexicon's reading
}

// LexRole is an office a known person held from one year to another (0: open),
// optionally from and to a month of those years (0: the whole year), so that
// a year with several holders (three British prime ministers in 2022) names
// the right one at a month-precise article date.
type LexRole struct {
	Role      string `json:"role"`
	Of        string `json:"of"`
	From      int    `json:"from,omitempty"`
	To        int    `json:"to,omitempty"`
	FromMonth int    `json:"fromMonth,omitempty"`
	ToMonth   int    `json:"toMonth,omitempty"`
}

// heldAt reports whether the office was held at an article's date: in any
// month of year when month is 0, else in that month.
func (r LexRole) heldAt(year, month int) bool {
	if r.From != 0 && year < r.From || r.To != 0 && year > r.To {
		return false
	}
	if month == 0 {
		return true
	}
	if r.From == year && r.FromMonth > month || r.To == year && r.ToMonth != 0 && r.ToMonth < month {
		return false
	}
	return true
}

// start orders terms by their first month: the holder whose term began
// last is the one in office.
func (r LexRole) start() int {
	return r.From*12 + max(r.FromMonth, 1) - 1
}

// Title is an office as written in text, mapped to its English role name.
// Plural forms name several holders ("les deux présidents").
type Title struct {
	Role   string   `json:"role"`
	Forms  []string `json:"forms"`
	Plural []string `json:"plural,omitempty"`
	Of     string   `json:"of,omitempty"` // implied organization, e.g. "Secretary of State" → none
}

// VerbCue is a reporting or speech-act verb. FR and EN are lemmas that the
// inflector expands; Forms lists irregular forms verbatim. Light verbs
// ("faire part de", "voice") take their act from a noun cue in their object.
type VerbCue struct {
	FR    string     `json:"fr,omitempty"`
	EN    string     `json:"en,omitempty"`
	Forms []string   `json:"forms,omitempty"`
	Act   schema.Act `json:"act"`
	Light bool       `json:"light,omitempty"`
	// Adj marks adjectives (concerned, préoccupés, prêts) that are cues
	// only after a copula or auxiliary: "we are deeply concerned".
	Adj bool `json:"adj,omitempty"`
	// We marks verbs that are speech acts only in a first-person plural
	// voice, a communiqué's own ("nous continuerons à", "we will intensify"):
	// with any other subject they report a deed, not a statement.
	We bool `json:"we,omitempty"`
	// Negated is the act of the verb under negation ("ne reconnaîtrons
	// jamais", "will not accept" → REJECT); without negation Act holds.
	Negated schema.Act `json:"negated,omitempty"`
	// NeedsNoun marks light verbs that report speech only with a noun cue
	// in their object ("register our concerns", "show our respect"):
	// "registered a company" says nothing.
	NeedsNoun bool `json:"needsNoun,omitempty"`
	// NeedsPrep marks verbs that report speech only with à/de/to within
	// their clause: "a appelé Moscou à la retenue" calls on, "que Pékin
	// appelle Ren'ai Jiao" only names
	NeedsPrep bool `json:"needsPrep,omitempty"`
	// Naming marks verbs that give their object a name ("called the
	// decision a mistake"): the evaluation in the name decides the act.
	Naming bool `json:"naming,omitempty"`
	// Incise marks verbs that report speech only in an incise after a
	// quote or a comma, with their speaker after them ("», a lancé X",
	// "», a-t-il lâché"): elsewhere they launch or drop things.
	Incise bool `json:"incise,omitempty"`
}

// NounCue is a noun (or fixed phrase) that names a speech act: inquiétude,
// concern, soutien, appel; phrases such as "graves conséquences" mark a
// statement even without a reporting verb in a communiqué's own voice.
type NounCue struct {
	Forms []string   `json:"forms"`
	Act   schema.Act `json:"act"`
}

// Trigger names an event. When Needs is set, one of its words must follow
// within Window tokens (accumulation … de troupes).
type Trigger struct {
	Forms  []string           `json:"forms"`
	Type   schema.EventType   `json:"type"`
	Status schema.EventStatus `json:"status,omitempty"`
	Needs  []string           `json:"needs,omitempty"`
	Window int                `json:"window,omitempty"`
	// Indefinite marks words that tell an event only with an indefinite
	// article ("a strategic stability dialogue"); "le dialogue", "through
	// dialogue" name a practice, not talks held.
	Indefinite bool `json:"indefinite,omitempty"`
}

// Group is a collective actor named by a common noun (séparatistes,
// protesters): it becomes an Organization named by its noun phrase.
type Group struct {
	Forms []string `json:"forms"`
}

// Codes are the CAMEO code and PLOVER category of an act or event type.
type Codes struct {
	CAMEO  string `json:"cameo"`
	PLOVER string `json:"plover"`
}

// merge appends o's entries to l; an entity whose type and folded name
// equal an existing one extends it instead.
func (l *Lexicon) merge(o *Lexicon) {
	idx := map[string]int{}
	for i, e := range l.Entities {
		idx[string(e.Type)+"|"+schema.Fold(e.Name)] = i
	}
	for _, e := range o.Entities {
		k := string(e.Type) + "|" + schema.Fold(e.Name)
		if i, ok := idx[k]; ok {
			x := &l.Entities[i]
			x.Aliases = append(x.Aliases, e.Aliases...)
			x.SameAs = append(x.SameAs, e.SameAs...)
			x.DemonymFR = append(x.DemonymFR, e.DemonymFR...)
			x.DemonymEN = append(x.DemonymEN, e.DemonymEN...)
			x.Capital = append(x.Capital, e.Capital...)
			x.Roles = append(x.Roles, e.Roles...)
			if e.Of != "" {
				x.Of = e.Of
			}
			x.Seat = x.Seat || e.Seat
			x.curated = x.curated || e.curated
			if e.Gender != "" {
				x.Gender = e.Gender
			}
			continue
		}
		idx[k] = len(l.Entities)
		l.Entities = append(l.Entities, e)
	}
	l.Titles = append(l.Titles, o.Titles...)
	l.Verbs = append(l.Verbs, o.Verbs...)
	l.Nouns = append(l.Nouns, o.Nouns...)
	l.Phrases = append(l.Phrases, o.Phrases...)
	l.Evaluations = append(l.Evaluations, o.Evaluations...)
	l.Triggers = append(l.Triggers, o.Triggers...)
	l.Groups = append(l.Groups, o.Groups...)
	l.FirstNames = append(l.FirstNames, o.FirstNames...)
	l.OrgHeads = append(l.OrgHeads, o.OrgHeads...)
	l.AgreeHeads = append(l.AgreeHeads, o.AgreeHeads...)
	l.Regions = append(l.Regions, o.Regions...)
	if l.Codes == nil {
		l.Codes = map[string]Codes{}
	}
	for k, v := range o.Codes {
		l.Codes[k] = v
	}
	if l.Words == nil {
		l.Words = map[string][]string{}
	}
	for k, v := range o.Words {
		l.Words[k] = append(l.Words[k], v...)
	}
}

func decodeLexicon(name string, data []byte) (*Lexicon, error) {
	var l Lexicon
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	return &l, nil
}

// loadLexicon reads the embedded lexicon files, then the user's.
func loadLexicon(user []string) (*Lexicon, error) {
	lex := &Lexicon{}
	names, err := fs.Glob(embedded, "lexicon/*.json")
	if err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	for _, n := range names {
		data, err := embedded.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("embedded lexicon %s: %w", n, err)
		}
		l, err := decodeLexicon(path.Base(n), data)
		if err != nil {
			return nil, err
		}
		lex.merge(l)
	}
	for _, p := range user {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: %w", err)
		}
		l, err := decodeLexicon(p, data)
		if err != nil {
			return nil, err
		}
		lex.merge(l)
	}
	return lex, nil
}

// caseRule says how a lexicon form's case constrains a match: acronyms
// (UN, US, EU) only match in capitals, capitalised names only match
// capitalised words, lower-case forms (demonyms, titles) match any case.
type caseRule uint8

const (
	caseAny caseRule = iota
	caseCap
	caseUpper
)

func caseOf(form string) caseRule {
	r := firstRune(form)
	if !unicode.IsUpper(r) {
		return caseAny
	}
	letters := 0
	for _, c := range form {
		if unicode.IsLetter(c) {
			letters++
		}
	}
	if isAllUpper(form) && letters <= 5 && !strings.ContainsAny(form, " -") {
		return caseUpper
	}
	return caseCap
}

// trie maps folded token sequences to payloads, for longest-match look-up
// of multi-word forms in one pass over the tokens.
type trie struct {
	kids map[string]*trie
	vals []payload
}

// payload is what a form stands for: an index into one of the compiled
// tables, with the case rule of the form.
type payload struct {
	kind uint8 // pEntity, pDemonym, pCapital, pTitle, pTitlePlural, pVerb, pNoun, pPhrase, pTrigger, pGroup, pWord
	lang uint8 // 0 any, langFR, langEN: cues only match in their language
	idx  int32
	rule caseRule
}

const (
	langAny uint8 = iota
	langFR
	langEN
)

const (
	pEntity uint8 = iota
	pDemonym
	pCapital
	pTitle
	pTitlePlural
	pVerb
	pNoun
	pPhrase
	pTrigger
	pGroup
	pWord
)

func (t *trie) add(form string, p payload) {
	toks := tokenize(form)
	if n := len(form); n > 1 && (form[n-1] == '\'' || strings.HasSuffix(form, "’")) {
		if !strings.ContainsAny(form, " -") {
			toks = []tok{{f: fold(form)}} // an elided word: l', d', qu'
		} else if k := len(toks); k >= 2 && toks[k-1].f == "'" {
			// "lors d'", "pas d'", "ce qu'": the last word is elided, as in the text
			toks = append(toks[:k-2:k-2], tok{f: toks[k-2].f + "'"})
		}
	}
	if len(toks) == 0 {
		return
	}
	n := t
	for _, tk := range toks {
		if n.kids == nil {
			n.kids = map[string]*trie{}
		}
		c := n.kids[tk.f]
		if c == nil {
			c = &trie{}
			n.kids[tk.f] = c
		}
		n = c
	}
	for _, v := range n.vals {
		if v == p {
			return
		}
	}
	n.vals = append(n.vals, p)
}

// match is one lexicon hit: tokens [a, b) and what they stand for.
type match struct {
	a, b int
	p    payload
}

// within returns the matches (sorted by start) that start in tokens [a,b),
// by binary search, so that rules asking "what starts here" stay linear.
// startsAt reports whether one of the sorted matches starts at token i.
func startsAt(ms []match, i int) bool { return len(within(ms, i, i+1)) > 0 }

func within(ms []match, a, b int) []match {
	i := sort.Search(len(ms), func(k int) bool { return ms[k].a >= a })
	j := sort.Search(len(ms), func(k int) bool { return ms[k].a >= b })
	if j < i {
		j = i
	}
	return ms[i:j]
}

// walk calls fn for every prefix of toks[i:] that ends on a node with
// payloads, shortest first.
func (t *trie) walk(toks []tok, i int, fn func(end int, vals []payload)) {
	n := t
	for j := i; j < len(toks); j++ {
		c := n.kids[toks[j].f]
		if c == nil {
			return
		}
		if len(c.vals) > 0 {
			fn(j+1, c.vals)
		}
		n = c
	}
}

// caseOK reports whether the tokens [a,b) satisfy the case rule.
func caseOK(toks []tok, a int, r caseRule) bool {
	switch r {
	case caseCap:
		return toks[a].cap
	case caseUpper:
		return toks[a].upper || toks[a].f == "u.s." || (toks[a].cap && strings.Contains(toks[a].f, "."))
	}
	return true
}
