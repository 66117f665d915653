package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// loadMemoryLimit is the Go heap's soft limit during kg load (GOMEMLIMIT
// overrides it): the collector works harder near it, never fails because of it.
const loadMemoryLimit = 384 << 20

func cmdLoad(e *env, args []string) int {
	fs := newFlags(e, "load", "kg load reads articles (plain text, JSON, JSON Lines, HTML; folders recursively),\n"+
		"extracts entities, roles, statements and events, and stores them. Articles already\n"+
		"in the store (same text) are skipped, so a load can be re-run safely.",
		"  kg load --store news.db ../shared/corpus/dev/01_fr_biden_putin_call.txt\n  kg load --store news.db archive/ feed.jsonl")
	store := storeFlag(fs)
	lex := lexiconFlag(fs)
	quiet := fs.Bool("quiet", false, "no progress display")
	workers := fs.Int("workers", runtime.NumCPU(), "articles extracted in parallel")
	server := fs.String("server", "", "send the articles to a running kg serve at this URL instead of opening the store")
	apiKey := fs.String("api-key", os.Getenv("KG_API_KEY"), "the server's API key, with --server (env KG_API_KEY)")
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		e.fail("load: name at least one file or folder (kg load --help)")
		return exitUsage
	}
	if *server != "" {
		prog := newProgress(e.stderr, *quiet)
		sum, err := remoteLoad(e.ctx, *server, *apiKey, paths, prog.report(e.stderr))
		prog.finish()
		return e.loadDone(sum, err, *server)
	}
	st, ok := e.openStore(*store)
	if !ok {
		return exitFail
	}
	defer st.Close()
	if os.Getenv("GOMEMLIMIT") == "" {
		// A bulk load's live heap is a few batches of articles; without a
		// limit the collector lets garbage grow to the size of the live
		// heap again before it runs, which on 100k articles is the
		// difference between ~400 MiB and ~800 MiB resident.
		debug.SetMemoryLimit(loadMemoryLimit)
	}
	// The store file's pages read by the batches need not stay counted
	// in this process's memory (graph.Store.ReleaseResident).
	rctx, stopRelease := context.WithCancel(e.ctx)
	defer stopRelease()
	st.ReleaseResident(rctx, 10*time.Millisecond)
	p, err := newPipeline(e.ctx, st, *lex)
	if err != nil {
		e.fail("load: %v", err)
		return exitFail
	}
	prog := newProgress(e.stderr, *quiet)
	sum, walkErr := p.LoadPaths(e.ctx, paths, *workers, prog.report(e.stderr))
	prog.finish()
	if sum.loaded > 0 && e.ctx.Err() == nil {
		// Queries are planned from statistics a bulk load leaves stale.
		if err := st.UpdateStatistics(e.ctx); err != nil {
			e.fail("load: the articles are stored, but %v; run ANALYZE on the database before querying it", err)
		}
	}
	return e.loadDone(sum, walkErr, st.Addr())
}

// loadDone prints a load's summary and returns its exit code.
func (e *env) loadDone(sum loadSummary, err error, where string) int {
	fmt.Fprintf(e.stderr, "kg: loaded %d article(s) (%d quads), skipped %d already present, failed %d; store %s\n",
		sum.loaded, sum.quads, sum.skipped, sum.failed, where)
	switch {
	case err != nil && e.ctx.Err() != nil:
		e.fail("load interrupted; run the same command again to resume (loaded articles are skipped)")
		return exitFail
	case err != nil:
		e.fail("load: %v", err)
		return exitFail
	case sum.failed > 0:
		return exitFail
	}
	return exitOK
}

// loadSummary counts what a load did.
type loadSummary struct{ loaded, skipped, failed, quads int }

// count adds one article's outcome.
func (s *loadSummary) count(r loadResult) {
	switch {
	case r.err != nil:
		s.failed++
	case r.skipped:
		s.skipped++
	default:
		s.loaded++
		s.quads += r.added
	}
}

// progress shows a live bar on a terminal and a log line every few seconds
// otherwise, so long loads are never silent.
type progress struct {
	bar      *progressbar.ProgressBar
	w        io.Writer
	quiet    bool
	start    time.Time
	last     time.Time
	articles int
	quads    int
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet, start: time.Now(), last: time.Now()}
	if f, ok := w.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("loading"), progressbar.OptionSetItsString("articles"),
			progressbar.OptionShowIts(), progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	return p
}

func (p *progress) add(quads int) {
	p.articles++
	p.quads += quads
	if p.quiet {
		return
	}
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("loading (%d quads)", p.quads))
		_ = p.bar.Add(1)
		return
	}
	if time.Since(p.last) >= 5*time.Second {
		p.last = time.Now()
		secs := time.Since(p.start).Seconds()
		fmt.Fprintf(p.w, "kg: %d articles, %d quads (%.1f articles/s, %.0f quads/s)\n",
			p.articles, p.quads, float64(p.articles)/secs, float64(p.quads)/secs)
	}
}

// report returns the per-article callback of a load.
func (p *progress) report(w io.Writer) func(loadResult) {
	return func(r loadResult) {
		switch {
		case r.err != nil:
			p.println(w, "kg: "+r.err.Error())
		case r.skipped:
			p.add(0)
		default:
			p.add(r.added)
		}
	}
}

func (p *progress) println(w io.Writer, msg string) {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(w, msg)
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}
