package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/kg/schema"
)

// Reads pick a starting set from the most selective filter through an index
// (subjects with a given predicate and value), describe the candidates in
// one batch, decode them, apply every filter, and sort.

// entityType returns the entity type of a node from its rdf:type, or "".
func entityType(n node) schema.EntityType {
	for _, c := range n.all(schema.PType) {
		if t, ok := schema.TypeOfClass(c); ok {
			return t
		}
	}
	return ""
}

// inRange reports whether date d lies within [from, to], comparing on the
// common prefix so that mixed precisions match as a reader expects
// ("2021" is within From "2021-04"; "2021-04-15" is within To "2021-04").
// Without bounds every date matches; with bounds an undated fact does not.
func inRange(d, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if d == "" {
		return false
	}
	if from != "" {
		n := min(len(d), len(from))
		if d[:n] < from[:n] {
			return false
		}
	}
	if to != "" {
		n := min(len(d), len(to))
		if d[:n] > to[:n] {
			return false
		}
	}
	return true
}

// span decodes the evidence predicates of a node.
func span(n node) schema.Span {
	return schema.Span{
		Start:    n.integer(schema.PEvidenceStart),
		End:      n.integer(schema.PEvidenceEnd),
		Text:     n.first(schema.PEvidenceText),
		Sentence: n.first(schema.PEvidenceSentence),
	}
}

// ---- Articles

// Articles returns the articles matching f, newest first, then by ID.
func (s *Store) Articles(ctx context.Context, f schema.ArticleFilter) ([]*schema.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, s.errClosed()
	}
	var ids []string
	var err error
	switch {
	case f.Source != "":
		ids, err = s.subjectsWith(ctx, schema.PSource, str(f.Source))
	case f.Language != "":
		ids, err = s.subjectsWith(ctx, schema.PLanguage, str(strings.ToLower(f.Language)))
	default:
		ids, err = s.subjectsWith(ctx, schema.PType, iri(schema.ClassArticle))
	}
	if err != nil {
		return nil, err
	}
	arts, err := s.articles(ctx, ids)
	if err != nil {
		return nil, err
	}
	text := schema.Fold(f.Text)
	out := []*schema.Article{}
	for _, a := range arts {
		switch {
		case a == nil,
			f.Language != "" && !strings.EqualFold(a.Language, f.Language),
			f.Source != "" && a.Source != f.Source,
			!inRange(a.Date, f.From, f.To),
			text != "" && !strings.Contains(schema.Fold(a.Title), text):
			continue
		}
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *schema.Article) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// ArticlesByID returns the articles in ids order, nil where unknown.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*schema.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, s.errClosed()
	}
	return s.articles(ctx, ids)
}

// articles decodes the article nodes ids, nil where a node is no article.
func (s *Store) articles(ctx context.Context, ids []string) ([]*schema.Article, error) {
	nodes, err := s.describe(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*schema.Article, len(ids))
	for i, id := range ids {
		n := nodes[id]
		if !n.has(schema.PType, schema.ClassArticle) {
			continue
		}
		out[i] = &schema.Article{
			ID:       id,
			Title:    n.first(schema.PTitle),
			Date:     n.first(schema.PDate),
			Language: n.first(schema.PLanguage),
			Source:   n.first(schema.PSource),
			URL:      n.first(schema.PURL),
			Path:     n.first(schema.PPath),
			Text:     n.first(schema.PText),
			Hash:     n.first(schema.PHash),
		}
	}
	return out, nil
}

// ---- Entities

// Entities returns the entities matching f, by name then ID. Entities
// merged into another are not listed; their names, aliases and mentions are
// the target's. Name matches a folded substring (schema.Fold) of the name
// or of any alias; Alias matches the whole name or one whole alias, folded.
func (s *Store) Entities(ctx context.Context, f schema.EntityFilter) ([]*schema.Entity, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	name, alias := schema.Fold(f.Name), schema.Fold(f.Alias)
	var ids []string
	switch {
	case alias != "":
		ids, err = s.subjectsWith(ctx, schema.PNameKey, str(alias))
	case f.Article != "":
		ids, err = s.subjectsWith(ctx, schema.PMentionedIn, iri(f.Article))
	case f.Type != "":
		ids, err = s.subjectsWith(ctx, schema.PType, iri(schema.ClassOf(f.Type)))
	default:
		ids, err = s.allEntityIDs(ctx)
	}
	if err != nil {
		return nil, err
	}
	if name != "" {
		// A substring cannot use the nameKey index: read the candidates'
		// name keys alone (one prefix scan each) before describing the few
		// that match.
		keys, err := s.describeOnly(ctx, ids, schema.PNameKey)
		if err != nil {
			return nil, err
		}
		ids = slices.DeleteFunc(ids, func(id string) bool {
			return !slices.ContainsFunc(keys[id].all(schema.PNameKey), func(k string) bool { return strings.Contains(k, name) })
		})
	}
	targets := make([]string, 0, len(ids))
	for _, id := range ids {
		targets = append(targets, c.resolve(id))
	}
	slices.Sort(targets)
	targets = slices.Compact(targets)
	ents, err := s.entities(ctx, c, targets)
	if err != nil {
		return nil, err
	}
	out := []*schema.Entity{}
	for _, e := range ents {
		switch {
		case e == nil,
			f.Type != "" && e.Type != f.Type,
			name != "" && !strings.Contains(schema.Fold(e.Name), name) && !slices.ContainsFunc(e.Aliases, contains(name)),
			alias != "" && schema.Fold(e.Name) != alias && !slices.ContainsFunc(e.Aliases, folds(alias)):
			continue
		}
		if f.Article != "" {
			in, err := s.mentionedIn(ctx, c.group(e.ID), f.Article)
			if err != nil {
				return nil, err
			}
			if !in {
				continue
			}
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *schema.Entity) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// allEntityIDs lists every entity node of every type, merged or not.
func (s *Store) allEntityIDs(ctx context.Context) ([]string, error) {
	var ids []string
	for _, t := range schema.EntityTypes {
		some, err := s.subjectsWith(ctx, schema.PType, iri(schema.ClassOf(t)))
		if err != nil {
			return nil, err
		}
		ids = append(ids, some...)
	}
	return ids, nil
}

// contains returns a predicate matching strings whose Fold contains key.
func contains(key string) func(string) bool {
	return func(s string) bool { return strings.Contains(schema.Fold(s), key) }
}

// folds returns a predicate matching strings whose Fold is key.
func folds(key string) func(string) bool {
	return func(s string) bool { return schema.Fold(s) == key }
}

// EntitiesByID returns the entities in ids order (nil where unknown),
// following merges: a merged entity's id returns its target.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) ([]*schema.Entity, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	targets := make([]string, len(ids))
	for i, id := range ids {
		targets[i] = c.resolve(id)
	}
	return s.entities(ctx, c, targets)
}

// entities decodes the (already resolved) targets, each with everything
// merged into it (entitySummaries), through the cache.
func (s *Store) entities(ctx context.Context, c *curation, targets []string) ([]*schema.Entity, error) {
	out := make([]*schema.Entity, len(targets))
	var miss []string
	var at []int
	for i, t := range targets {
		if ce, ok := s.cache.entity(t); ok {
			out[i] = cloneEntity(ce)
			continue
		}
		miss = append(miss, t)
		at = append(at, i)
	}
	if len(miss) == 0 {
		return out, nil
	}
	ents, err := s.entitySummaries(ctx, c, miss)
	if err != nil {
		return nil, err
	}
	for j, i := range at {
		s.cache.putEntity(miss[j], ents[j])
		out[i] = cloneEntity(ents[j])
	}
	return out, nil
}

// cloneEntity copies an entity so that callers may change what they get
// without touching the cache.
func cloneEntity(e *schema.Entity) *schema.Entity {
	if e == nil {
		return nil
	}
	c := *e
	c.Aliases = slices.Clone(e.Aliases)
	c.SameAs = slices.Clone(e.SameAs)
	return &c
}

// ---- Statements

// Statements returns the statements matching f, oldest article date first,
// then by article and evidence offset. Entity filters follow merges; From
// and To bound the statement's date (the article's when the statement has
// none of its own); Text is a folded substring of the content or evidence.
func (s *Store) Statements(ctx context.Context, f schema.StatementFilter) ([]*schema.Statement, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	// The starting set: the first entity filter given (every id merged
	// into it included), else the article, the act, or every statement.
	var ids []string
	switch {
	case f.Speaker != "":
		ids, err = s.subjectsOfGroup(ctx, c, schema.PSpeaker, f.Speaker)
	case f.Target != "":
		ids, err = s.subjectsOfGroup(ctx, c, schema.PTarget, f.Target)
	case f.AccordingTo != "":
		ids, err = s.subjectsOfGroup(ctx, c, schema.PAccordingTo, f.AccordingTo)
	case f.About != "":
		ids, err = s.subjectsOfGroup(ctx, c, schema.PAbout, f.About)
	case f.Article != "":
		ids, err = s.subjectsWith(ctx, schema.PArticle, iri(f.Article))
	case f.Act != "":
		ids, err = s.subjectsWith(ctx, schema.PAct, str(string(f.Act)))
	default:
		ids, err = s.subjectsWith(ctx, schema.PType, iri(schema.ClassStatement))
	}
	if err != nil {
		return nil, err
	}
	sts, err := s.statements(ctx, c, ids)
	if err != nil {
		return nil, err
	}
	text := schema.Fold(f.Text)
	out := []*schema.Statement{}
	for _, st := range sts {
		switch {
		case st == nil,
			f.Act != "" && st.Act != f.Act,
			f.Speaker != "" && st.Speaker != c.resolve(f.Speaker),
			f.Target != "" && st.Target != c.resolve(f.Target),
			f.AccordingTo != "" && st.AccordingTo != c.resolve(f.AccordingTo),
			f.About != "" && !slices.Contains(st.About, c.resolve(f.About)),
			f.Article != "" && st.Article != f.Article,
			!inRange(st.Date, f.From, f.To),
			text != "" && !strings.Contains(schema.Fold(st.Content), text) &&
				!strings.Contains(schema.Fold(st.Evidence.Text), text):
			continue
		}
		out = append(out, st)
	}
	slices.SortFunc(out, compareStatements)
	return out, nil
}

// compareStatements is the order of statement lists: date, article,
// evidence offsets, ID (StatementIDs sorts the same way from the IRIs).
func compareStatements(a, b *schema.Statement) int {
	aa, as, ae := statementKey(a.ID)
	ba, bs, be := statementKey(b.ID)
	return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(aa, ba), cmp.Compare(as, bs),
		cmp.Compare(ae, be), cmp.Compare(a.ID, b.ID))
}

// subjectsOfGroup returns the subjects of (?, pred, e) for e and every
// entity merged with it.
func (s *Store) subjectsOfGroup(ctx context.Context, c *curation, pred, entity string) ([]string, error) {
	var out []string
	for _, id := range c.group(c.resolve(entity)) {
		ids, err := s.subjectsWith(ctx, pred, iri(id))
		if err != nil {
			return nil, err
		}
		out = append(out, ids...)
	}
	return out, nil
}

// statements decodes statement nodes, nil where a node is no statement;
// entity references are resolved through merges.
func (s *Store) statements(ctx context.Context, c *curation, ids []string) ([]*schema.Statement, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	nodes, err := s.describe(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*schema.Statement, 0, len(ids))
	for _, id := range ids {
		n := nodes[id]
		if !n.has(schema.PType, schema.ClassStatement) {
			continue
		}
		st := &schema.Statement{
			ID:          id,
			Speaker:     resolveRef(c, n.first(schema.PSpeaker)),
			Act:         schema.Act(n.first(schema.PAct)),
			Content:     n.first(schema.PContent),
			About:       []string{},
			Target:      resolveRef(c, n.first(schema.PTarget)),
			AccordingTo: resolveRef(c, n.first(schema.PAccordingTo)),
			Evidence:    span(n),
			Date:        n.first(schema.PEventDate),
			Confidence:  n.double(schema.PConfidence),
			Cue:         n.first(schema.PCue),
			CAMEO:       n.first(schema.PCAMEO),
			PLOVER:      n.first(schema.PPLOVER),
			Article:     n.first(schema.PArticle),
		}
		for _, a := range n.all(schema.PAbout) {
			st.About = append(st.About, c.resolve(a))
		}
		slices.Sort(st.About)
		st.About = slices.Compact(st.About)
		out = append(out, st)
	}
	return out, nil
}

// resolveRef resolves a possibly empty entity reference.
func resolveRef(c *curation, id string) string {
	if id == "" {
		return ""
	}
	return c.resolve(id)
}

// ---- Events

// Events returns the event accounts matching f, by date then event ID (then
// article and evidence offset): one item per article's account, all
// accounts of one happening sharing its ID. Participant and Place follow
// merges; Status is the account's.
func (s *Store) Events(ctx context.Context, f schema.EventFilter) ([]*schema.Event, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	var accounts []string
	var events []string // when the starting set is events, their accounts follow
	switch {
	case f.Article != "":
		accounts, err = s.subjectsWith(ctx, schema.PArticle, iri(f.Article))
	case f.Participant != "":
		events, err = s.subjectsOfGroup(ctx, c, schema.PParticipant, f.Participant)
	case f.Place != "":
		events, err = s.subjectsOfGroup(ctx, c, schema.PPlace, f.Place)
	case f.Type != "":
		events, err = s.subjectsWith(ctx, schema.PEventType, str(string(f.Type)))
	case f.Status != "":
		accounts, err = s.subjectsWith(ctx, schema.PStatus, str(string(f.Status)))
	default:
		accounts, err = s.subjectsWith(ctx, schema.PType, iri(schema.ClassAccount))
	}
	if err != nil {
		return nil, err
	}
	for _, ev := range events {
		some, err := s.subjectsWith(ctx, schema.PReports, iri(ev))
		if err != nil {
			return nil, err
		}
		accounts = append(accounts, some...)
	}
	evs, err := s.events(ctx, c, accounts)
	if err != nil {
		return nil, err
	}
	out := []*schema.Event{}
	for _, e := range evs {
		switch {
		case f.Type != "" && e.Type != f.Type,
			f.Status != "" && e.Status != f.Status,
			f.Participant != "" && !slices.Contains(e.Participants, c.resolve(f.Participant)),
			f.Place != "" && e.Place != c.resolve(f.Place),
			f.Article != "" && e.Article != f.Article,
			!inRange(e.Date, f.From, f.To):
			continue
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *schema.Event) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Article, b.Article),
			cmp.Compare(a.Evidence.Start, b.Evidence.Start))
	})
	return out, nil
}

// events decodes account nodes with the events they report; an account's
// event fields are read from the quads its own article wrote.
func (s *Store) events(ctx context.Context, c *curation, ids []string) ([]*schema.Event, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	accs, err := s.describe(ctx, ids)
	if err != nil {
		return nil, err
	}
	var evIDs []string
	for _, id := range ids {
		if a := accs[id]; a.has(schema.PType, schema.ClassAccount) {
			evIDs = append(evIDs, a.first(schema.PReports))
		}
	}
	evNodes, err := s.describe(ctx, evIDs)
	if err != nil {
		return nil, err
	}
	out := make([]*schema.Event, 0, len(ids))
	for _, id := range ids {
		a := accs[id]
		if !a.has(schema.PType, schema.ClassAccount) {
			continue
		}
		article := a.first(schema.PArticle)
		evID := a.first(schema.PReports)
		ev := evNodes[evID].in(article)
		e := &schema.Event{
			ID:           evID,
			Type:         schema.EventType(ev.first(schema.PEventType)),
			Status:       schema.EventStatus(a.first(schema.PStatus)),
			Participants: []string{},
			Place:        resolveRef(c, ev.first(schema.PPlace)),
			Date:         ev.first(schema.PEventDate),
			Evidence:     span(a),
			Confidence:   a.double(schema.PConfidence),
			Cue:          a.first(schema.PCue),
			CAMEO:        a.first(schema.PCAMEO),
			PLOVER:       a.first(schema.PPLOVER),
			Article:      article,
		}
		for _, p := range ev.all(schema.PParticipant) {
			e.Participants = append(e.Participants, c.resolve(p))
		}
		slices.Sort(e.Participants)
		e.Participants = slices.Compact(e.Participants)
		out = append(out, e)
	}
	return out, nil
}

// ---- Roles

// Roles returns the roles held by the person entity (and by every entity
// merged into it), by role name then ID; the same office (role, of) found
// under two merged ids is listed once. CodeNotFound for an unknown entity.
func (s *Store) Roles(ctx context.Context, person string) ([]*schema.Role, error) {
	c, done, err := s.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	T, ok, err := s.entityRoot(ctx, c, person)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, schema.Errorf(schema.CodeNotFound, "no entity %q", person)
	}
	var ids []string
	for _, id := range c.group(T) {
		qs, err := s.quadsWith(ctx, quad.Subject, iri(id), schema.PHoldsRole)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			ids = append(ids, text(q.Object))
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	nodes, err := s.describe(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := []*schema.Role{}
	seen := map[[2]string]bool{}
	for _, id := range ids {
		n := nodes[id]
		if !n.has(schema.PType, schema.ClassRole) {
			continue
		}
		ev := span(n)
		r := &schema.Role{
			ID:         id,
			Person:     T,
			Role:       n.first(schema.PRoleName),
			Of:         resolveRef(c, n.first(schema.PRoleOf)),
			Confidence: n.double(schema.PConfidence),
			Cue:        n.first(schema.PCue),
			Article:    n.first(schema.PArticle),
		}
		if ev.Text != "" || ev.End != 0 {
			r.Evidence = &ev
		}
		k := [2]string{r.Role, r.Of}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *schema.Role) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// ---- Stats

// Stats counts the quads, articles, (unmerged) entities, statements and
// events (happenings, not accounts) in the store.
func (s *Store) Stats(ctx context.Context) (schema.Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return schema.Stats{}, s.errClosed()
	}
	var st schema.Stats
	if s.pg != nil {
		// Cayley caches its count and clears it only in its own writer,
		// which PostgreSQL stores bypass (pgwrite.go).
		if err := s.pg.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&st.Quads); err != nil {
			return st, fmt.Errorf("count quads in %s: %w", s.addr, err)
		}
	} else {
		cs, err := s.qs.Stats(ctx, true)
		if err != nil {
			return st, err
		}
		st.Quads = int(cs.Quads.Value)
	}
	var err error
	count := func(class string) (int, error) {
		ids, err := s.subjectsWith(ctx, schema.PType, iri(class))
		return len(ids), err
	}
	if st.Articles, err = count(schema.ClassArticle); err != nil {
		return st, err
	}
	all := facetPrefix(facetAll, "")
	if st.Statements, err = s.ix.count(ctx, all, prefixEnd(all)); err != nil {
		return st, err
	}
	if st.Events, err = count(schema.ClassEvent); err != nil {
		return st, err
	}
	c, err := s.loadCuration(ctx)
	if err != nil {
		return st, err
	}
	ids, err := s.allEntityIDs(ctx)
	if err != nil {
		return st, err
	}
	for _, id := range ids {
		if c.resolve(id) == id {
			st.Entities++
		}
	}
	return st, nil
}
