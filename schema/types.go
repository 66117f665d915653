package schema

// EntityType is the kind of an entity. The string values are the ones of the
// extraction JSON (FORMAT.md) and of the GraphQL EntityType enum.
type EntityType string

// Entity types.
const (
	TypePerson       EntityType = "Person"
	TypeState        EntityType = "State"
	TypeOrganization EntityType = "Organization"
	TypePlace        EntityType = "Place"
	TypeAgreement    EntityType = "Agreement"
)

// EntityTypes lists every entity type, in a stable order.
var EntityTypes = []EntityType{TypePerson, TypeState, TypeOrganization, TypePlace, TypeAgreement}

// Act is the kind of speech act a statement performs.
type Act string

// The act taxonomy of FORMAT.md.
const (
	ActState          Act = "STATE"
	ActStress         Act = "STRESS"
	ActExpressConcern Act = "EXPRESS_CONCERN"
	ActExpressSupport Act = "EXPRESS_SUPPORT"
	ActExpressIntent  Act = "EXPRESS_INTENT"
	ActCallOn         Act = "CALL_ON"
	ActPropose        Act = "PROPOSE"
	ActWarn           Act = "WARN"
	ActCriticize      Act = "CRITICIZE"
	ActAccuse         Act = "ACCUSE"
	ActDeny           Act = "DENY"
	ActReject         Act = "REJECT"
	ActAgree          Act = "AGREE"
	ActDiscuss        Act = "DISCUSS"
)

// Acts lists every act, in a stable order.
var Acts = []Act{ActState, ActStress, ActExpressConcern, ActExpressSupport, ActExpressIntent,
	ActCallOn, ActPropose, ActWarn, ActCriticize, ActAccuse, ActDeny, ActReject, ActAgree, ActDiscuss}

// EventType is the kind of an event (FORMAT.md).
type EventType string

// Event types.
const (
	EventPhoneCall            EventType = "PHONE_CALL"
	EventMeeting              EventType = "MEETING"
	EventSummit               EventType = "SUMMIT"
	EventVisit                EventType = "VISIT"
	EventMilitaryBuildup      EventType = "MILITARY_BUILDUP"
	EventAnnexation           EventType = "ANNEXATION"
	EventCyberattack          EventType = "CYBERATTACK"
	EventElectionInterference EventType = "ELECTION_INTERFERENCE"
	EventSanction             EventType = "SANCTION"
	EventAttack               EventType = "ATTACK"
	EventAgreement            EventType = "AGREEMENT"
	EventNegotiation          EventType = "NEGOTIATION"
	EventElection             EventType = "ELECTION"
	EventProtest              EventType = "PROTEST"
	EventOther                EventType = "OTHER"
)

// EventStatus says whether an event happened or is only planned, proposed,
// possible or alleged, as the article's modality tells.
type EventStatus string

// Event statuses.
const (
	StatusOccurred EventStatus = "occurred"
	StatusPlanned  EventStatus = "planned"
	StatusProposed EventStatus = "proposed"
	StatusPossible EventStatus = "possible"
	StatusAlleged  EventStatus = "alleged"
)

// Span is a piece of an article's text: Start and End are byte offsets into
// the file as read (End exclusive), Text the exact substring, Sentence the
// whole sentence it sits in.
type Span struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence string `json:"sentence,omitempty"`
}

// Article is one news article as read. ID is its IRI (ArticleIRI), derived
// from the text so that loading it twice names the same node.
type Article struct {
	ID       string `json:"id"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"` // YYYY, YYYY-MM or YYYY-MM-DD
	Language string `json:"language,omitempty"`
	Source   string `json:"source,omitempty"`
	URL      string `json:"url,omitempty"`
	Path     string `json:"path,omitempty"` // the file it came from, if any
	// Text is the article's text; offsets of every Span are relative to
	// the start of Text plus Offset, i.e. to the file as read.
	Text string `json:"-"`
	// Offset is the byte offset of Text within the file (after any header).
	Offset int    `json:"-"`
	Hash   string `json:"hash,omitempty"` // hex sha256 of Text
}

// Entity is a person, state, organization, place or agreement. ID is its IRI
// (EntityIRI of type and canonical name).
type Entity struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	SameAs   []string   `json:"sameAs,omitempty"`
	Mentions int        `json:"mentions,omitempty"`
}

// Role is a person's office held in or for a state or organization. Person
// and Of are entity IDs.
type Role struct {
	ID         string  `json:"-"`
	Person     string  `json:"person"`
	Role       string  `json:"role"` // English, lower case: "president", "foreign minister"
	Of         string  `json:"of,omitempty"`
	Evidence   *Span   `json:"evidence,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Cue        string  `json:"cue,omitempty"`
	Article    string  `json:"-"`
}

// Statement is one speaker's speech act as an article reports it. Speaker,
// Target and AccordingTo are entity IDs; AccordingTo is empty when the article
// reports the statement in its own voice.
type Statement struct {
	ID          string   `json:"id"`
	Speaker     string   `json:"speaker"`
	Act         Act      `json:"act"`
	Content     string   `json:"content"`
	About       []string `json:"about"`
	Target      string   `json:"target"`
	AccordingTo string   `json:"accordingTo"`
	Evidence    Span     `json:"evidence"`
	Date        string   `json:"date,omitempty"`
	Confidence  float64  `json:"confidence"`
	Cue         string   `json:"cue,omitempty"`
	CAMEO       string   `json:"cameo,omitempty"`
	PLOVER      string   `json:"plover,omitempty"`
	Article     string   `json:"article,omitempty"`
}

// Event is something that happened or may happen. ID names the happening
// (EventIRI of type, participants and date), so that several articles'
// accounts of the same call meet on one node; Evidence is this article's account.
type Event struct {
	ID           string      `json:"id"`
	Type         EventType   `json:"type"`
	Status       EventStatus `json:"status"`
	Participants []string    `json:"participants"`
	Place        string      `json:"place"`
	Date         string      `json:"date"`
	Evidence     Span        `json:"evidence"`
	Confidence   float64     `json:"confidence"`
	Cue          string      `json:"cue,omitempty"`
	CAMEO        string      `json:"cameo,omitempty"`
	PLOVER       string      `json:"plover,omitempty"`
	Article      string      `json:"article,omitempty"`
}

// Extraction is everything read from one article: the JSON document that
// `kg extract --json` prints (FORMAT.md) and the unit the store writes.
type Extraction struct {
	Article    Article     `json:"article"`
	Entities   []Entity    `json:"entities"`
	Roles      []Role      `json:"roles"`
	Statements []Statement `json:"statements"`
	Events     []Event     `json:"events"`
}
