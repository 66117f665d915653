package schema

// The vocabulary: every predicate and class the graph uses, as absolute IRIs,
// in this one file. schema.org terms are used where they mean the same thing;
// the rest live in the product's own namespace NS. IRIs of resources (entities,
// articles, statements, events) are minted by the functions in iri.go.

// Namespaces.
const (
	// NS is the product's own vocabulary namespace.
	NS = "https://newsgraph.example/voc#"
	// IDBase is the prefix of every resource IRI the product mints.
	IDBase = "https://newsgraph.example/id/"
	// SchemaOrg is schema.org's namespace (https form, as schema.org publishes it).
	SchemaOrg = "https://schema.org/"
	// RDF is the RDF namespace (rdf:type).
	RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	// XSD is the XML Schema datatypes namespace used for typed literals.
	XSD = "http://www.w3.org/2001/XMLSchema#"
)

// Classes: the object of an rdf:type quad.
const (
	ClassPerson       = SchemaOrg + "Person"
	ClassState        = NS + "State" // a sovereign state; schema:Country is a place, not an actor
	ClassOrganization = SchemaOrg + "Organization"
	ClassPlace        = SchemaOrg + "Place"
	ClassAgreement    = NS + "Agreement" // a treaty or accord, e.g. the Minsk agreements
	ClassEvent        = SchemaOrg + "Event"
	ClassStatement    = NS + "Statement" // one speaker's speech act, reified so it can carry provenance
	ClassArticle      = SchemaOrg + "NewsArticle"
	ClassRole         = SchemaOrg + "Role" // a person's office in a state or organization
	ClassAccount      = NS + "Account"     // one article's report of an event
)

// Predicates shared by all resources.
const (
	PType        = RDF + "type"
	PName        = SchemaOrg + "name"
	PAlias       = SchemaOrg + "alternateName"
	PSameAs      = SchemaOrg + "sameAs"
	PMentions    = NS + "mentionCount" // xsd:integer, per article (label)
	PMentionedIn = NS + "mentionedIn"  // entity → article
	PConfidence  = NS + "confidence"   // xsd:double in [0,1]
	PCue         = NS + "cue"          // the word or rule that produced a fact
	PNameKey     = NS + "nameKey"      // folded name/alias for case- and accent-insensitive lookup
)

// Article predicates.
const (
	PTitle    = SchemaOrg + "headline"
	PDate     = SchemaOrg + "datePublished" // xsd:date, xsd:gYearMonth or xsd:gYear
	PLanguage = SchemaOrg + "inLanguage"
	PSource   = SchemaOrg + "publisher"
	PURL      = SchemaOrg + "url"
	PText     = SchemaOrg + "text"
	PHash     = NS + "contentHash" // sha256 of the text, for idempotent reloads
	PPath     = NS + "sourcePath"  // the file it was read from, when any
)

// Statement predicates: speaker, act, content, about, target, accordingTo,
// evidence. A statement is a node so that all of these hang off one IRI.
const (
	PSpeaker     = NS + "speaker"
	PAct         = NS + "act" // one of the Act constants, as a plain literal
	PContent     = NS + "content"
	PAbout       = SchemaOrg + "about"
	PTarget      = NS + "target"
	PAccordingTo = NS + "accordingTo"
	PArticle     = NS + "article" // statement/event/role → the article it was read in
	PCAMEO       = NS + "cameo"   // CAMEO code of the act or event type
	PPLOVER      = NS + "plover"  // PLOVER category of the act or event type
)

// Evidence predicates: a span of the article text, stored on the fact itself.
const (
	PEvidenceText     = NS + "evidenceText"
	PEvidenceStart    = NS + "evidenceStart" // xsd:integer byte offset into the file as read
	PEvidenceEnd      = NS + "evidenceEnd"   // xsd:integer, exclusive
	PEvidenceSentence = NS + "evidenceSentence"
)

// Event predicates. An Event is the happening; each article's telling of it
// is an Account (NS+"reports" from the account to the event), so the same
// call told by two sources becomes one Event with two accounts.
const (
	PEventType   = NS + "eventType"
	PStatus      = NS + "status"
	PParticipant = NS + "participant"
	PPlace       = SchemaOrg + "location"
	PEventDate   = SchemaOrg + "startDate"
	PReports     = NS + "reports" // account → event
)

// Role predicates: Person --holdsRole--> Role --roleName/of-->.
const (
	PHoldsRole = NS + "holdsRole"
	PRoleName  = SchemaOrg + "roleName"
	PRoleOf    = NS + "roleOf"
)

// Curation predicates, written by analysts through the API, honoured by later loads.
const (
	PMergedInto = NS + "mergedInto" // entity → the entity it was merged into
)

// Datatypes of typed literals.
const (
	XSDInteger    = XSD + "integer"
	XSDDouble     = XSD + "double"
	XSDDate       = XSD + "date"
	XSDGYearMonth = XSD + "gYearMonth"
	XSDGYear      = XSD + "gYear"
)

// ClassOf maps an entity type to its class IRI.
func ClassOf(t EntityType) string {
	switch t {
	case TypePerson:
		return ClassPerson
	case TypeState:
		return ClassState
	case TypeOrganization:
		return ClassOrganization
	case TypePlace:
		return ClassPlace
	case TypeAgreement:
		return ClassAgreement
	}
	return ""
}

// TypeOfClass is the inverse of ClassOf; ok is false for non-entity classes.
func TypeOfClass(class string) (EntityType, bool) {
	for _, t := range EntityTypes {
		if ClassOf(t) == class {
			return t, true
		}
	}
	return "", false
}
