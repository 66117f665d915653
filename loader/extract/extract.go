package extract

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/newsgraph/kg/schema"
)

// Extractor reads articles into facts. Build one with New and share it:
// Extract keeps all per-article state on its own stack, so it is safe for
// concurrent use.
type Extractor struct {
	m       *model
	aliases map[string]schema.Entity
}

// Option configures New.
type Option func(*config)

type config struct {
	files   []string
	aliases map[string]schema.Entity
}

// WithLexiconFiles adds user lexicon files (the format of lexicon/*.json,
// any subset of its keys), merged over the embedded lexicon in order.
func WithLexiconFiles(paths ...string) Option {
	return func(c *config) { c.files = append(c.files, paths...) }
}

// WithAliases adds an analyst's curation: each key is an alias (folded or
// not), each value the entity it names. A curated alias wins over the
// lexicon's reading of the same words.
func WithAliases(aliases map[string]schema.Entity) Option {
	return func(c *config) {
		if c.aliases == nil {
			c.aliases = map[string]schema.Entity{}
		}
		for k, v := range aliases {
			c.aliases[k] = v
		}
	}
}

// New builds an extractor from the embedded lexicons, merged with the
// user's lexicon files and curated aliases if given. It fails only on an
// unreadable or malformed lexicon file.
func New(opts ...Option) (*Extractor, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	lex, err := loadLexicon(c.files)
	if err != nil {
		return nil, err
	}
	if len(c.aliases) > 0 {
		cur := &Lexicon{}
		for alias, e := range c.aliases {
			if e.Name == "" || e.Type == "" {
				return nil, fmt.Errorf("curated alias %q: entity needs a name and a type", alias)
			}
			cur.Entities = append(cur.Entities, LexEntity{Name: e.Name, Type: e.Type,
				Aliases: []string{alias}, SameAs: e.SameAs, curated: true})
		}
		lex.merge(cur)
	}
	return &Extractor{m: compile(lex), aliases: c.aliases}, nil
}

// Extract reads one article and returns what it says: entities, roles,
// statements and events, each with evidence, confidence and cue. It never
// panics: an internal failure is returned as an error naming the article.
func (x *Extractor) Extract(a *schema.Article) (ex *schema.Extraction, err error) {
	if a == nil {
		return nil, fmt.Errorf("extract: nil article")
	}
	defer func() {
		if r := recover(); r != nil {
			ex = nil
			err = fmt.Errorf("extract %s: internal error: %v\n%s", articleName(a), r, debug.Stack())
		}
	}()
	d := newDoc(x.m, a)
	d.run()
	return d.output(), nil
}

func articleName(a *schema.Article) string {
	switch {
	case a.Path != "":
		return a.Path
	case a.ID != "":
		return a.ID
	}
	return strings.TrimSpace(a.Title)
}
