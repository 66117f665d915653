package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/schema"
)

// The shape of the graph, one article's worth (every quad labelled with
// the article IRI A):
//
//	A         rdf:type NewsArticle; headline; datePublished; inLanguage;
//	          publisher; url; text; contentHash; sourcePath
//	entity    rdf:type <class>; name; alternateName*; nameKey* (Fold of name
//	          and aliases); sameAs*; mentionedIn A
//	person    holdsRole role
//	role      rdf:type Role; roleName; roleOf; article A; evidence…; confidence; cue
//	statement rdf:type Statement; speaker; act; content; about*; target;
//	          accordingTo; article A; evidence…; confidence; cue; cameo;
//	          plover; startDate (the statement's date, else the article's)
//	event     rdf:type Event; eventType; participant*; location; startDate; status
//	account   rdf:type Account; reports event; article A; evidence…; status;
//	          confidence; cue; cameo; plover
//
// Every node an article writes is reachable from A in one step (an incoming
// mentionedIn/article quad), or two (the event behind an account, the
// person holding a role): articleQuads relies on this to find an article's
// quads through the indexes, since the bbolt backend has no label index.

// PutExtraction writes the article and everything extracted from it in one
// transaction, every quad labelled with the article IRI. The extraction
// replaces the article's previous one: quads the article labelled before
// and no longer produces are removed in the same transaction, so a reload
// with the same extraction changes nothing (Added 0) and a reload with a
// better extractor leaves no stale facts.
//
// Entity IDs may be IRIs or the extraction's local ids ("e1"): local ids are
// replaced by schema.EntityIRI of the entity's type and name, and every
// reference is mapped accordingly. A reference to an unknown local id, an
// unknown entity type, or an article without text, hash or ID is CodeInvalid.
func (s *Store) PutExtraction(ctx context.Context, x *schema.Extraction) (schema.PutResult, error) {
	rs, err := s.PutExtractions(ctx, []*schema.Extraction{x})
	if err != nil {
		return schema.PutResult{}, err
	}
	return rs[0], nil
}

// PutExtractions is PutExtraction for many articles in one transaction: a
// bulk load commits (and, on bbolt, syncs the file) once per batch instead
// of once per article, which is most of the cost of a write. Either every
// extraction is stored or, on error, none. An article given twice counts
// its new quads once.
func (s *Store) PutExtractions(ctx context.Context, xs []*schema.Extraction) ([]schema.PutResult, error) {
	type prepared struct {
		quads   []quad.Quad
		article string
	}
	preps := make([]prepared, len(xs))
	for i, x := range xs {
		if x == nil {
			return nil, schema.Errorf(schema.CodeInvalid, "no extraction to store")
		}
		qs, article, err := extractionQuads(x)
		if err != nil {
			if e, ok := err.(*schema.Error); ok && len(xs) > 1 {
				return nil, &schema.Error{Code: e.Code, Err: e.Err,
					Message: fmt.Sprintf("extraction %d of %d (%s): %s", i+1, len(xs), cmpOr(x.Article.Path, x.Article.Title), e.Message)}
			}
			return nil, err
		}
		preps[i] = prepared{qs, article}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, s.errClosed()
	}
	// The diff below reads the article's current quads: not from a cache
	// another process's write made stale.
	if err := s.syncCache(ctx); err != nil {
		return nil, err
	}
	// The last extraction of an article wins, as if they were put in turn.
	last := map[string]int{}
	for i, p := range preps {
		last[p.article] = i
	}
	results := make([]schema.PutResult, len(preps))
	var deltas []cgraph.Delta
	// The index records the articles have now, to be replaced.
	// and their entity-quads records (articleQuadsFrom), in one read.
	recs := make([]string, 2*len(preps))
	for i, p := range preps {
		recs[i] = string(recArticle) + p.article
		recs[len(preps)+i] = string(recEntityQuads) + p.article
	}
	got, err := s.ix.get(ctx, recs)
	if err != nil {
		return nil, fmt.Errorf("read index of %d articles: %w", len(preps), err)
	}
	olds, entityRecs := got[:len(preps)], got[len(preps):]
	articles := make([]string, len(preps))
	for i, p := range preps {
		articles[i] = p.article
	}
	stored, err := s.storedArticles(ctx, articles)
	if err != nil {
		return nil, fmt.Errorf("look up %d articles: %w", len(preps), err)
	}
	ops := &ixOps{}
	for i, p := range preps {
		results[i].Article = p.article
		if last[p.article] != i {
			continue
		}
		ops.replaceArticle(p.article, olds[i], indexEntries(p.article, p.quads))
		var old []quad.Quad
		if stored[p.article] {
			if old, err = s.articleQuadsFrom(ctx, p.article, entityRecs[i]); err != nil {
				return nil, fmt.Errorf("read previous quads of %s: %w", p.article, err)
			}
		}
		have := make(map[string]bool, len(old))
		for _, q := range old {
			have[quadKey(q)] = true
		}
		want := make(map[string]bool, len(p.quads))
		for _, q := range p.quads {
			k := quadKey(q)
			want[k] = true
			if !have[k] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
				results[i].Added++
			}
		}
		for _, q := range old {
			if !want[quadKey(q)] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
	}
	if err := s.apply(ctx, deltas, ops); err != nil {
		return nil, fmt.Errorf("store %d articles: %w", len(preps), err)
	}
	return results, nil
}

// storedArticles returns which of the batch's articles the store already
// holds (their article node has its type quad), in one scan: a new article
// has no quads to diff against, and reading them anyway costs two index
// look-ups per article, over a quarter of PostgreSQL's time in a load
// measured at 59k articles. An article's quads are written and retracted together
// with its type quad, so an article without one has no quads.
func (s *Store) storedArticles(ctx context.Context, articles []string) (map[string]bool, error) {
	ids := make([]quad.Value, len(articles))
	for i, a := range articles {
		ids[i] = iri(a)
	}
	raw, err := s.scan(ctx, quad.Subject, ids, schema.PType)
	if err != nil {
		return nil, err
	}
	// Decode only the subjects, each once.
	seen := make(map[any]bool, len(raw))
	var subjects []cgraph.Ref
	for _, rq := range raw {
		if k := refs.ToKey(rq[0]); !seen[k] {
			seen[k] = true
			subjects = append(subjects, rq[0])
		}
	}
	vals, err := s.valuesOf(ctx, subjects)
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(vals))
	for _, v := range vals {
		out[text(v)] = true
	}
	return out, nil
}

// HasArticle reports whether an article with this content hash (hex sha256
// of its text) is stored.
func (s *Store) HasArticle(ctx context.Context, hash string) (bool, error) {
	if hash == "" {
		return false, nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return false, s.errClosed()
	}
	if err := s.syncCache(ctx); err != nil {
		return false, err
	}
	ids, err := s.subjectsWith(ctx, schema.PHash, str(hash))
	if err != nil {
		return false, err
	}
	return len(ids) > 0, nil
}

// RetractArticle removes every quad labelled with the article's IRI (id may
// also be the article's content hash). Facts other articles report keep
// their own labels and stay. CodeNotFound if no such article is stored.
func (s *Store) RetractArticle(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return s.errClosed()
	}
	if err := s.syncCache(ctx); err != nil {
		return err
	}
	article, err := s.resolveArticle(ctx, id)
	if err != nil {
		return err
	}
	old, err := s.articleQuads(ctx, article)
	if err != nil {
		return fmt.Errorf("read quads of %s: %w", article, err)
	}
	deltas := make([]cgraph.Delta, len(old))
	for i, q := range old {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	rec, err := s.ix.get(ctx, []string{string(recArticle) + article})
	if err != nil {
		return fmt.Errorf("read index of %s: %w", article, err)
	}
	ops := &ixOps{}
	ops.replaceArticle(article, rec[0], nil)
	if err := s.apply(ctx, deltas, ops); err != nil {
		return fmt.Errorf("retract article %s: %w", article, err)
	}
	return nil
}

// resolveArticle maps an article IRI or content hash to the stored IRI, or
// CodeNotFound.
func (s *Store) resolveArticle(ctx context.Context, id string) (string, error) {
	if id != "" {
		n, err := s.describe(ctx, []string{id})
		if err != nil {
			return "", err
		}
		if n[id].has(schema.PType, schema.ClassArticle) {
			return id, nil
		}
		ids, err := s.subjectsWith(ctx, schema.PHash, str(id))
		if err != nil {
			return "", err
		}
		if len(ids) > 0 {
			return ids[0], nil
		}
	}
	return "", schema.Errorf(schema.CodeNotFound, "no article %q in the store", id)
}

// articleQuads returns every quad labelled with the article, found from the
// article node through the indexes (see the shape comment above). What the
// article wrote of its entities comes from its entity-quads record
// (entity_quads.go) when it has one; only articles stored by a kg without
// that record have their entities read whole, every article's quads about
// them, to keep this article's.
func (s *Store) articleQuads(ctx context.Context, article string) ([]quad.Quad, error) {
	rec, err := s.ix.get(ctx, []string{string(recEntityQuads) + article})
	if err != nil {
		return nil, err
	}
	return s.articleQuadsFrom(ctx, article, rec[0])
}

// articleQuadsFrom is articleQuads with the article's entity-quads record
// already read (nil when it has none).
func (s *Store) articleQuadsFrom(ctx context.Context, article string, rec []byte) ([]quad.Quad, error) {
	incoming, err := s.quadsWith(ctx, quad.Object, iri(article), "")
	if err != nil {
		return nil, err
	}
	var recorded []quad.Quad
	if rec != nil {
		if recorded, err = decodeEntityQuads(article, rec); err != nil {
			return nil, fmt.Errorf("index of %s: %w", article, err)
		}
	}
	subjects := []string{article}
	for _, q := range incoming {
		if recorded != nil && text(q.Predicate) == schema.PMentionedIn {
			continue // an entity: its quads are recorded
		}
		subjects = append(subjects, text(q.Subject))
	}
	nodes, err := s.describe(ctx, subjects)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var out []quad.Quad
	keep := func(q quad.Quad) {
		if text(q.Label) != article {
			return
		}
		if k := quadKey(q); !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	for _, q := range recorded {
		keep(q)
	}
	// Second step: events behind accounts, people holding roles (their
	// holdsRole quad only: a person is an entity).
	var more []string // events; people too when the article has no record
	for _, n := range nodes {
		for _, q := range n.quads {
			keep(q)
		}
		n = n.in(article)
		if n.has(schema.PType, schema.ClassAccount) {
			more = append(more, n.all(schema.PReports)...)
		}
		if n.has(schema.PType, schema.ClassRole) {
			holders, err := s.quadsWith(ctx, quad.Object, iri(n.id), schema.PHoldsRole)
			if err != nil {
				return nil, err
			}
			var people []string
			for _, q := range holders {
				keep(q)
				people = append(people, text(q.Subject))
			}
			if recorded == nil {
				more = append(more, people...) // described whole, as before the record
			}
		}
	}
	extra, err := s.describe(ctx, more)
	if err != nil {
		return nil, err
	}
	for _, n := range extra {
		for _, q := range n.quads {
			keep(q)
		}
	}
	return out, nil
}

// isIRI reports whether s is an absolute IRI rather than an extraction's
// local id.
func isIRI(s string) bool {
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "urn:") {
		return false
	}
	// Characters N-Quads forbids in an IRI: such an id is not usable as one.
	return !strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) })
}

// builder accumulates one extraction's quads, all labelled with the article.
type builder struct {
	label quad.Value
	seen  map[string]bool
	quads []quad.Quad
	ids   map[string]string // extraction id → entity IRI
}

// add appends (s, p, o) unless o is empty.
func (b *builder) add(s, p string, o quad.Value) {
	if o == nil || s == "" {
		return
	}
	if v, ok := o.(quad.String); ok && v == "" {
		return
	}
	if v, ok := o.(quad.IRI); ok && v == "" {
		return
	}
	q := quad.Quad{Subject: iri(s), Predicate: iri(p), Object: o, Label: b.label}
	if k := quadKey(q); !b.seen[k] {
		b.seen[k] = true
		b.quads = append(b.quads, q)
	}
}

// ref maps an entity reference of the extraction to its IRI; what names
// nothing is an error, so a broken extraction is refused whole.
func (b *builder) ref(what, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	if r, ok := b.ids[id]; ok {
		return r, nil
	}
	if isIRI(id) {
		return id, nil
	}
	return "", schema.Errorf(schema.CodeInvalid, "%s %q is not an entity of the extraction", what, id)
}

// evidence writes a span's four predicates on subject.
func (b *builder) evidence(subject string, ev *schema.Span) {
	if ev == nil || (ev.Text == "" && ev.End == 0) {
		return
	}
	b.add(subject, schema.PEvidenceText, str(ev.Text))
	b.add(subject, schema.PEvidenceStart, integer(ev.Start))
	b.add(subject, schema.PEvidenceEnd, integer(ev.End))
	b.add(subject, schema.PEvidenceSentence, str(ev.Sentence))
}

// confidence writes a confidence score unless it is zero (unknown).
func (b *builder) confidence(subject string, c float64) {
	if c != 0 {
		b.add(subject, schema.PConfidence, double(c))
	}
}

// ArticleID returns the IRI under which an article is (or would be)
// stored: its ID when set, else schema.ArticleIRI of its hash (computed
// from the text when absent). "" when there is nothing to name it by.
func ArticleID(a *schema.Article) string {
	switch {
	case a.ID != "":
		return a.ID
	case a.Hash != "":
		return schema.ArticleIRI(a.Hash)
	case a.Text != "":
		return schema.ArticleIRI(schema.Hash(a.Text))
	}
	return ""
}

// extractionQuads turns an extraction into its quads (see the shape at the
// top of this file) and returns them with the article IRI.
func extractionQuads(x *schema.Extraction) ([]quad.Quad, string, error) {
	a := x.Article
	A := ArticleID(&a)
	if A == "" {
		return nil, "", schema.Errorf(schema.CodeInvalid, "the article has no id, hash or text to name it by")
	}
	if !isIRI(A) {
		return nil, "", schema.Errorf(schema.CodeInvalid, "article id %q is not an absolute IRI", A)
	}
	hash := a.Hash
	if hash == "" && a.Text != "" {
		hash = schema.Hash(a.Text)
	}
	b := &builder{label: iri(A), seen: map[string]bool{}, ids: map[string]string{}}
	b.add(A, schema.PType, iri(schema.ClassArticle))
	b.add(A, schema.PTitle, str(a.Title))
	if a.Date != "" {
		b.add(A, schema.PDate, date(a.Date))
	}
	b.add(A, schema.PLanguage, str(a.Language))
	b.add(A, schema.PSource, str(a.Source))
	b.add(A, schema.PURL, str(a.URL))
	b.add(A, schema.PText, str(a.Text))
	b.add(A, schema.PHash, str(hash))
	b.add(A, schema.PPath, str(a.Path))

	for _, e := range x.Entities {
		class := schema.ClassOf(e.Type)
		if class == "" {
			return nil, "", schema.Errorf(schema.CodeInvalid, "entity %q has unknown type %q", e.Name, e.Type)
		}
		if strings.TrimSpace(e.Name) == "" {
			return nil, "", schema.Errorf(schema.CodeInvalid, "entity %q has no name", e.ID)
		}
		id := e.ID
		if !isIRI(id) {
			id = schema.EntityIRI(e.Type, e.Name)
		}
		if e.ID != "" {
			b.ids[e.ID] = id
		}
		b.ids[id] = id
	}
	for _, e := range x.Entities {
		E := b.ids[e.ID]
		if E == "" {
			E = schema.EntityIRI(e.Type, e.Name)
		}
		b.add(E, schema.PType, iri(schema.ClassOf(e.Type)))
		b.add(E, schema.PName, str(e.Name))
		b.add(E, schema.PNameKey, str(schema.Fold(e.Name)))
		for _, al := range e.Aliases {
			b.add(E, schema.PAlias, str(al))
			b.add(E, schema.PNameKey, str(schema.Fold(al)))
		}
		for _, same := range e.SameAs {
			if isIRI(same) {
				b.add(E, schema.PSameAs, iri(same))
			}
		}
		b.add(E, schema.PMentionedIn, iri(A))
	}

	for _, r := range x.Roles {
		person, err := b.ref("role person", r.Person)
		if err != nil {
			return nil, "", err
		}
		of, err := b.ref("role of", r.Of)
		if err != nil {
			return nil, "", err
		}
		if person == "" || r.Role == "" {
			continue
		}
		R := r.ID
		if !isIRI(R) {
			R = schema.RoleIRI(person, r.Role, of)
		}
		b.add(person, schema.PHoldsRole, iri(R))
		b.add(R, schema.PType, iri(schema.ClassRole))
		b.add(R, schema.PRoleName, str(r.Role))
		b.add(R, schema.PRoleOf, iri(of))
		b.add(R, schema.PArticle, iri(A))
		b.evidence(R, r.Evidence)
		b.confidence(R, r.Confidence)
		b.add(R, schema.PCue, str(r.Cue))
	}

	for _, st := range x.Statements {
		speaker, err := b.ref("statement speaker", st.Speaker)
		if err != nil {
			return nil, "", err
		}
		target, err := b.ref("statement target", st.Target)
		if err != nil {
			return nil, "", err
		}
		according, err := b.ref("statement source", st.AccordingTo)
		if err != nil {
			return nil, "", err
		}
		// Statement IRIs are always of schema.StatementIRI's form: reads
		// recognise statements by it and order them by its parts.
		S := st.ID
		if !strings.HasPrefix(S, statementPrefix) {
			S = schema.StatementIRI(A, st.Evidence, speaker)
		}
		b.add(S, schema.PType, iri(schema.ClassStatement))
		b.add(S, schema.PSpeaker, iri(speaker))
		b.add(S, schema.PAct, str(string(st.Act)))
		b.add(S, schema.PContent, str(st.Content))
		for _, ab := range st.About {
			about, err := b.ref("statement about", ab)
			if err != nil {
				return nil, "", err
			}
			b.add(S, schema.PAbout, iri(about))
		}
		b.add(S, schema.PTarget, iri(target))
		b.add(S, schema.PAccordingTo, iri(according))
		b.add(S, schema.PArticle, iri(A))
		ev := st.Evidence
		b.evidence(S, &ev)
		b.confidence(S, st.Confidence)
		b.add(S, schema.PCue, str(st.Cue))
		b.add(S, schema.PCAMEO, str(st.CAMEO))
		b.add(S, schema.PPLOVER, str(st.PLOVER))
		if d := cmpOr(st.Date, a.Date); d != "" {
			b.add(S, schema.PEventDate, date(d))
		}
	}

	for _, e := range x.Events {
		var parts []string
		for _, p := range e.Participants {
			pi, err := b.ref("event participant", p)
			if err != nil {
				return nil, "", err
			}
			if pi != "" {
				parts = append(parts, pi)
			}
		}
		slices.Sort(parts)
		parts = slices.Compact(parts)
		place, err := b.ref("event place", e.Place)
		if err != nil {
			return nil, "", err
		}
		EV := e.ID
		if !isIRI(EV) {
			EV = schema.EventIRI(e.Type, parts, e.Date, A, e.Evidence)
		}
		b.add(EV, schema.PType, iri(schema.ClassEvent))
		b.add(EV, schema.PEventType, str(string(e.Type)))
		for _, p := range parts {
			b.add(EV, schema.PParticipant, iri(p))
		}
		b.add(EV, schema.PPlace, iri(place))
		if e.Date != "" {
			b.add(EV, schema.PEventDate, date(e.Date))
		}
		b.add(EV, schema.PStatus, str(string(e.Status)))

		AC := schema.AccountIRI(A, e.Evidence)
		b.add(AC, schema.PType, iri(schema.ClassAccount))
		b.add(AC, schema.PReports, iri(EV))
		b.add(AC, schema.PArticle, iri(A))
		ev := e.Evidence
		b.evidence(AC, &ev)
		b.add(AC, schema.PStatus, str(string(e.Status)))
		b.confidence(AC, e.Confidence)
		b.add(AC, schema.PCue, str(e.Cue))
		b.add(AC, schema.PCAMEO, str(e.CAMEO))
		b.add(AC, schema.PPLOVER, str(e.PLOVER))
	}
	return b.quads, A, nil
}

// cmpOr returns the first non-empty string.
func cmpOr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
