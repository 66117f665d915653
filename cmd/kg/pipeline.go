package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/kg/loader"
	"github.com/newsgraph/kg/loader/extract"
	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/schema"
)

// Pipeline reads, extracts and stores articles: the wiring of the loader
// and the store, used by `kg load`, `kg serve --demo` and the ingest mutation.
type Pipeline struct {
	Store     schema.Store
	Extractor *extract.Extractor
	// Lexicons are the user's extra lexicon files, kept so the extractor
	// can be rebuilt when analysts curate aliases.
	Lexicons []string

	// CurationEvery, when positive, makes Ingest re-read the store's
	// curation at most this often and rebuild the extractor when it
	// changed: how a server honours aliases that analysts added through
	// another server over the same database.
	CurationEvery time.Duration

	mu         sync.Mutex // guards the fields below and serialises rebuilds
	checked    time.Time
	curationID string // signature of the curation the extractor was built with
}

var _ resolvers.Ingester = (*Pipeline)(nil)

// newPipeline returns a pipeline over st whose extractor honours the user's
// lexicons and the store's curation.
func newPipeline(ctx context.Context, st schema.Store, lexicons []string) (*Pipeline, error) {
	p := &Pipeline{Store: st, Lexicons: lexicons}
	if err := p.Refresh(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// Ingest fills in what the caller left out (hash, ID, language), extracts
// the article and writes it; created tells whether its text was new to the
// store (writing it again replaces its facts with the current extraction).
func (p *Pipeline) Ingest(ctx context.Context, a *schema.Article) (*schema.Extraction, schema.PutResult, bool, error) {
	if a.Hash == "" {
		var err error
		if a, err = prepare(a); err != nil {
			return nil, schema.PutResult{}, false, err
		}
	}
	if err := p.syncCuration(ctx); err != nil {
		return nil, schema.PutResult{}, false, err
	}
	x, err := p.extractor().Extract(a)
	if err != nil {
		return nil, schema.PutResult{}, false, fmt.Errorf("extract %s: %w", describe(a), err)
	}
	had, err := p.Store.HasArticle(ctx, a.Hash)
	if err != nil {
		return nil, schema.PutResult{}, false, err
	}
	res, err := p.Store.PutExtraction(ctx, x)
	if err != nil {
		return nil, schema.PutResult{}, false, fmt.Errorf("store %s: %w", describe(a), err)
	}
	return x, res, !had, nil
}

// Refresh rebuilds the extractor so that newly curated aliases are honoured.
func (p *Pipeline) Refresh(ctx context.Context) error {
	cur, err := p.Store.Curation(ctx)
	if err != nil {
		return fmt.Errorf("read curation: %w", err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rebuild(ctx, cur)
}

// rebuild builds the extractor from the lexicons and the curation cur.
func (p *Pipeline) rebuild(ctx context.Context, cur *schema.Curation) error {
	aliases, err := curatedAliases(ctx, p.Store, cur)
	if err != nil {
		return err
	}
	x, err := newExtractor(p.Lexicons, aliases)
	if err != nil {
		return err
	}
	p.Extractor, p.curationID, p.checked = x, curationSignature(cur), time.Now()
	return nil
}

// syncCuration rebuilds the extractor when another process changed the
// curation since it was built (see CurationEvery).
func (p *Pipeline) syncCuration(ctx context.Context) error {
	if p.CurationEvery <= 0 {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.checked) < p.CurationEvery {
		return nil
	}
	cur, err := p.Store.Curation(ctx)
	if err != nil {
		return fmt.Errorf("read curation: %w", err)
	}
	p.checked = time.Now()
	if curationSignature(cur) == p.curationID {
		return nil
	}
	return p.rebuild(ctx, cur)
}

// curationSignature summarises a curation, to notice changes.
func curationSignature(cur *schema.Curation) string {
	if cur == nil {
		return ""
	}
	keys := make([]string, 0, len(cur.Aliases)+len(cur.Merged))
	for k, v := range cur.Aliases {
		keys = append(keys, "a"+k+"="+v)
	}
	for k, v := range cur.Merged {
		keys = append(keys, "m"+k+"="+v)
	}
	slices.Sort(keys)
	return schema.Hash(strings.Join(keys, "\n"))
}

func (p *Pipeline) extractor() *extract.Extractor {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.Extractor
}

// describe names an article in messages: its file, else its title, else its ID.
func describe(a *schema.Article) string {
	switch {
	case a.Path != "":
		return a.Path
	case a.Title != "":
		return fmt.Sprintf("%q", a.Title)
	}
	return a.ID
}

// prepare validates an article given field by field (the ingest mutation)
// exactly as a JSON article file would be: same checks, same messages, and
// the hash, ID and language filled in.
func prepare(a *schema.Article) (*schema.Article, error) {
	data, err := json.Marshal(map[string]string{"text": a.Text, "title": a.Title, "date": a.Date,
		"lang": a.Language, "url": a.URL, "source": a.Source})
	if err != nil {
		return nil, fmt.Errorf("encode article: %w", err)
	}
	as, err := loader.ReadBytes("article.json", data)
	if err != nil {
		return nil, err
	}
	if len(as) != 1 {
		return nil, schema.Errorf(schema.CodeInvalid, "article: expected one article, read %d", len(as))
	}
	as[0].Path = ""
	return as[0], nil
}

// loadBatch is how many articles one write transaction of a load holds.
const loadBatch = 64

// loadResult is the outcome of one article (or one unreadable input) of a load.
type loadResult struct {
	article *schema.Article // nil for an unreadable input
	added   int
	skipped bool // already in the store
	err     error
}

// LoadPaths loads every article under paths: one reader streams them, workers
// extract in parallel, and one writer stores them, so memory stays bounded by
// the channels' capacity whatever the corpus size. Articles already stored
// (same text) are skipped. When ctx ends the load stops at an article
// boundary: each article is written in one transaction or not at all.
// report is called from the writer goroutine once per article or failure.
func (p *Pipeline) LoadPaths(ctx context.Context, paths []string, workers int, report func(loadResult)) (loadSummary, error) {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		seq int
		a   *schema.Article
		err error
	}
	type done struct {
		job
		x *schema.Extraction
	}
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		walkErr <- loader.Walk(paths, func(a *schema.Article, err error) error {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case jobs <- job{seq: seq, a: a, err: err}:
				seq++
				return nil
			}
		})
	}()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				d := done{job: j}
				if j.err == nil && ctx.Err() == nil {
					if had, err := p.Store.HasArticle(ctx, j.a.Hash); err != nil {
						d.err = err
					} else if !had {
						x, err := p.extractor().Extract(j.a)
						if err != nil {
							d.err = fmt.Errorf("extract %s: %w", describe(j.a), err)
						}
						d.x = x
					}
				}
				results <- d
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var sum loadSummary
	emit := func(r loadResult) {
		sum.count(r)
		if report != nil {
			report(r)
		}
	}
	// The writer commits extractions in batches: on bbolt a commit syncs
	// the file, which is most of the cost of a write. A batch is written
	// when full or when no article arrived for a moment, so a slow trickle
	// is not held back. Each batch is one transaction: an interrupt or a
	// crash leaves whole articles or nothing.
	var batch []done
	flush := func() {
		if len(batch) == 0 || ctx.Err() != nil {
			batch = batch[:0]
			return
		}
		xs := make([]*schema.Extraction, len(batch))
		for i, d := range batch {
			xs[i] = d.x
		}
		rs, err := p.Store.PutExtractions(ctx, xs)
		if err != nil && ctx.Err() != nil {
			// Interrupted during the write: its transaction did not
			// commit, and the batch's articles are not failures; the
			// next run loads them.
			batch = batch[:0]
			return
		}
		for i, d := range batch {
			var res schema.PutResult
			var werr error
			if err == nil {
				res = rs[i]
			} else {
				// one bad article must not fail its batch: write each alone
				res, werr = p.Store.PutExtraction(ctx, d.x)
			}
			r := loadResult{article: d.a}
			if werr != nil {
				r.err = fmt.Errorf("store %s: %w", describe(d.a), werr)
			} else {
				// nothing added: the same text appeared twice in this load
				r.added, r.skipped = res.Added, res.Added == 0
			}
			emit(r)
		}
		batch = batch[:0]
	}
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for open := true; open; {
		select {
		case d, ok := <-results:
			if !ok {
				open = false
				break
			}
			if ctx.Err() != nil {
				continue // drain: nothing more is written once interrupted
			}
			switch {
			case d.err != nil:
				emit(loadResult{article: d.a, err: d.err})
			case d.x == nil:
				emit(loadResult{article: d.a, skipped: true})
			default:
				batch = append(batch, d)
				if len(batch) >= loadBatch {
					flush()
				}
			}
		case <-tick.C:
			flush()
		}
	}
	flush()
	if err := <-walkErr; err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}
