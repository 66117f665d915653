package extract

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/newsgraph/kg/schema"
)

// model is the compiled lexicon: one trie over every form, and the tables
// its payloads index. It is read-only once built, so one Extractor can serve
// many goroutines.
type model struct {
	trie       *trie
	ents       []LexEntity
	titles     []Title
	verbs      []VerbCue
	nouns      []NounCue
	phrases    []NounCue
	evals      []NounCue // word class nClasses+i is evaluation i
	triggers   []Trigger
	trigNeeds  []map[string]bool
	groups     []Group
	classes    []string       // word class names; payload idx of pWord
	classID    map[string]int // name → index
	first      map[string]bool
	orgHeads   map[string]bool
	agreeHeads map[string]bool
	particles  map[string]bool // words.json "nameParticles": al-, el-, bin- before a capital
	codes      map[string]Codes
	entByName  map[string]int // Type|fold(name) → index in ents
	// orgAnaphors (words.json "orgAnaphors", "noun: head head …") maps a
	// definite noun standing for an organization named before ("the bloc",
	// "l'alliance") to the words one of that organization's names holds;
	// no words: any international organization
	orgAnaphors map[string][]string
}

// word classes used by the rules; their members come from words.json.
const (
	wAux = iota
	wModal
	wAdverb
	wPrep
	wLoc
	wCompl
	wDet
	wPoss
	wDemonstr
	wCoord
	wHeM
	wHeF
	wThey
	wWe
	wI
	wNeg
	wAnaphor
	wPossible
	wProposed
	wPlanned
	wAlleged
	wTranscript
	wLocVerbs
	wDocNouns
	wInstitution
	wHonor
	wRank
	wAudience
	wMedia
	wRemit
	wOf
	wReflexive
	wNear
	wGovNouns
	wGroupMods
	wSettle
	wBody
	wContinue
	wConjPrep
	wRelSubj
	wCitedBy
	wLatterM
	wLatterF
	wBeForms
	wVoiceOf
	wPairDet
	wPartyNouns
	wBodyQual
	wNameLink
	wOccasion
	wStaff
	wFreeRel
	wFutureAux
	wNegDet
	wWhile
	wTransfer
	wVerbNeg
	wNegAfter
	wDateLead
	wTargetGlue
	wDative
	wAgent
	wJointly
	wIndef
	wWith
	wPassiveAux
	wImpersonal
	wTripleDet
	wPlaceNoun
	wPastAux
	wWillAux
	wViewAgree
	wPurpose
	wPerfectAux
	wQuantDet
	wRulers
	wPressOffice
	wMouthOf
	wDativeGov
	wCityPart
	wCommonCaps
	wJunta
	wJuntaBody
	wAgreeMods
	wRegimeNouns
	wStateMedia
	wPersonNouns
	wRelOpeners
	wHostNouns
	wCountWords
	wExcludeWords
	wNounQuant
	wWarnWords
	wMannerWords
	nClasses
)

var classNames = [nClasses]string{
	"aux", "modal", "adverbs", "preps", "loc", "compl", "det", "poss", "demonstr", "coord", "heM", "heF",
	"they", "we", "i", "neg", "anaphor", "possible", "proposed", "planned", "alleged", "transcript", "locVerbs",
	"docNouns", "institutions", "honorifics", "ranks", "audience", "media", "remit", "of", "reflexive", "near",
	"govNouns", "groupMods", "settleNouns", "bodyNouns", "continuation", "conjPreps", "relSubj", "citedBy", "latterM", "latterF", "beForms", "voiceOf", "pairDet", "partyNouns", "bodyQualifiers", "nameLinks", "occasion", "staffNouns", "freeRel", "futureAux", "negDet", "whileWords", "transferWords",
	"verbNeg", "negAfter", "dateLead", "targetGlue", "dative", "agentPreps", "jointly", "indefDet", "withPreps", "passiveAux", "impersonal", "tripleDet",
	"placeNouns",
	"pastAux", "willAux", "viewAgree", "purpose", "perfectAux", "quantDet", "rulers",
	"pressOffices",
	"mouthOf",
	"dativeGov", "cityParts", "commonCaps", "juntaNouns", "juntaBodies", "agreementMods",
	"regimeNouns", "stateMedia", "personNouns", "relOpeners", "hostNouns",
	"countWords", "excludeWords", "nounQuantifiers", "warnWords", "mannerWords",
}

func compile(lex *Lexicon) *model {
	m := &model{trie: &trie{}, classID: map[string]int{}, first: map[string]bool{}, orgHeads: map[string]bool{},
		agreeHeads: map[string]bool{}, codes: lex.Codes, entByName: map[string]int{}}
	m.ents = append(m.ents, lex.Entities...)
	m.addRegions(lex.Regions)
	for i := range m.ents {
		e := &m.ents[i]
		m.entByName[string(e.Type)+"|"+schema.Fold(e.Name)] = i
		p := payload{kind: pEntity, idx: int32(i)}
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			p.rule = caseOf(f)
			m.trie.add(f, p)
		}
		for _, d := range e.DemonymFR {
			for _, f := range frAdjForms(strings.ToLower(d)) {
				m.trie.add(f, payload{kind: pDemonym, idx: int32(i), lang: langFR})
			}
		}
		for _, d := range e.DemonymEN {
			m.trie.add(d, payload{kind: pDemonym, idx: int32(i), rule: caseOf(d)})
		}
		for _, c := range e.Capital {
			m.trie.add(c, payload{kind: pCapital, idx: int32(i), rule: caseCap})
		}
	}
	m.titles = lex.Titles
	for i, t := range m.titles {
		for _, f := range t.Forms {
			m.trie.add(f, payload{kind: pTitle, idx: int32(i)})
		}
		for _, f := range t.Plural {
			m.trie.add(f, payload{kind: pTitlePlural, idx: int32(i)})
		}
	}
	m.verbs = lex.Verbs
	for i, v := range m.verbs {
		if v.FR != "" {
			inf := strings.TrimPrefix(strings.TrimPrefix(v.FR, "se "), "s'")
			if len(v.Forms) == 0 || strings.HasSuffix(inf, "er") && !strings.Contains(inf, " ") {
				for _, f := range frPhraseForms(inf) {
					m.trie.add(f, payload{kind: pVerb, idx: int32(i), lang: langFR})
				}
			}
			for _, f := range v.Forms {
				m.trie.add(f, payload{kind: pVerb, idx: int32(i), lang: langFR})
			}
		}
		if v.EN != "" {
			for _, f := range enVerbForms(v.EN) {
				m.trie.add(f, payload{kind: pVerb, idx: int32(i), lang: langEN})
			}
		}
		if v.FR == "" && v.EN == "" || v.EN != "" && v.FR == "" {
			for _, f := range v.Forms {
				m.trie.add(f, payload{kind: pVerb, idx: int32(i), lang: langEN})
			}
		}
	}
	m.nouns = lex.Nouns
	for i, n := range m.nouns {
		for _, f := range n.Forms {
			m.trie.add(f, payload{kind: pNoun, idx: int32(i)})
		}
	}
	m.phrases = lex.Phrases
	for i, n := range m.phrases {
		for _, f := range n.Forms {
			m.trie.add(f, payload{kind: pPhrase, idx: int32(i)})
		}
	}
	m.evals = lex.Evaluations
	for i, n := range m.evals {
		for _, f := range n.Forms {
			m.trie.add(f, payload{kind: pWord, idx: int32(nClasses + i)})
		}
	}
	m.triggers = lex.Triggers
	for i, t := range m.triggers {
		for _, f := range t.Forms {
			m.trie.add(f, payload{kind: pTrigger, idx: int32(i), rule: caseOf(f)})
		}
		need := map[string]bool{}
		for _, n := range t.Needs {
			need[fold(n)] = true
		}
		m.trigNeeds = append(m.trigNeeds, need)
	}
	m.groups = lex.Groups
	for i, g := range m.groups {
		for _, f := range g.Forms {
			m.trie.add(f, payload{kind: pGroup, idx: int32(i)})
		}
	}
	for i, name := range classNames {
		m.classID[name] = i
		for _, w := range lex.Words[name] {
			m.trie.add(w, payload{kind: pWord, idx: int32(i)})
		}
	}
	m.orgAnaphors = map[string][]string{}
	for _, f := range lex.Words["orgAnaphors"] {
		noun, heads, _ := strings.Cut(f, ":")
		m.orgAnaphors[fold(strings.TrimSpace(noun))] = strings.Fields(fold(heads))
	}
	m.particles = map[string]bool{}
	for _, f := range lex.Words["nameParticles"] {
		m.particles[fold(f)] = true
	}
	for _, f := range lex.FirstNames {
		m.first[fold(f)] = true
	}
	for _, f := range lex.OrgHeads {
		m.orgHeads[fold(f)] = true
	}
	for _, f := range lex.AgreeHeads {
		m.agreeHeads[fold(f)] = true
	}
	return m
}

// addRegions adds a State for every region code whose CLDR English or
// French name is not already an alias of a known entity, and the other
// language's name to the known one when it is.
func (m *model) addRegions(codes []string) {
	known := map[string]int{}
	for i, e := range m.ents {
		if e.Type != schema.TypeState {
			continue
		}
		known[schema.Fold(e.Name)] = i
		for _, a := range e.Aliases {
			known[schema.Fold(a)] = i
		}
	}
	en := display.English.Regions()
	fr := display.French.Regions()
	for _, c := range codes {
		r, err := language.ParseRegion(c)
		if err != nil {
			continue
		}
		ne, nf := en.Name(r), fr.Name(r)
		if ne == "" {
			continue
		}
		i, ok := known[schema.Fold(ne)]
		if !ok {
			i, ok = known[schema.Fold(nf)]
		}
		if ok {
			m.ents[i].Aliases = append(m.ents[i].Aliases, ne, nf)
			continue
		}
		m.ents = append(m.ents, LexEntity{Name: ne, Type: schema.TypeState, Aliases: []string{ne, nf}})
		known[schema.Fold(ne)] = len(m.ents) - 1
	}
}
