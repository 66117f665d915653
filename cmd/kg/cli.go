package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/loader/extract"
	"github.com/newsgraph/kg/schema"
)

const usage = `kg builds a knowledge graph of who said what about what, according to whom, from news articles.

Usage:
  kg load    [--store S] [--lexicon F] PATH…   read, extract and store articles (files or folders)
  kg extract [--json] [--lexicon F] FILE…       extract without storing; --json prints FORMAT.md JSON
  kg serve   [--store S] [--addr :8080] [--demo] serve GraphQL at /query and a playground at /
  kg query   [--store S] 'GRAPHQL'              run one GraphQL query in-process, print the JSON result
  kg export  [--store S] --format nquads|jsonld write every quad to standard output
  kg gen     --count N --out FILE.jsonl|DIR/    write a synthetic corpus for benchmarks
  kg bench   --url URL [--cayley URL]           query latency p50/p99 (see bench/run.sh)

The store (--store, or the KG_STORE environment variable) is a file path for
the embedded bbolt store (default ./kg.db), memory: for an in-memory store, or
postgres://user@host:port/db for PostgreSQL.

Run 'kg COMMAND --help' for a command's options and an example.
`

// exit codes
const (
	exitOK    = 0
	exitFail  = 1 // the command ran but something failed (a bad file, a query error)
	exitUsage = 2 // the command line was wrong
)

// env is what a command sees of the world; tests fill it with buffers.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

// Run runs the kg command line and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmds := map[string]func(*env, []string) int{
		"load": cmdLoad, "extract": cmdExtract, "gen": cmdGen, "bench": cmdBench, "serve": cmdServe, "query": cmdQuery, "export": cmdExport,
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "kg: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return cmd(e, args[1:])
}

// newFlags returns a flag set whose --help prints the command's summary and example.
func newFlags(e *env, name, summary, example string) *flag.FlagSet {
	fs := flag.NewFlagSet("kg "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "%s\n\nOptions:\n", summary)
		fs.PrintDefaults()
		fmt.Fprintf(e.stderr, "\nExample:\n%s\n", example)
	}
	return fs
}

// parse parses flags; a --help request exits 0, a bad flag 2. Flags may
// follow positional arguments (kg load a.txt --store x.db).
func parse(fs *flag.FlagSet, args []string) (rest []string, code int, ok bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func storeFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("KG_STORE")
	if def == "" {
		def = graph.DefaultPath
	}
	return fs.String("store", def, "the store: a bbolt file path, memory:, or postgres://… (env KG_STORE)")
}

func lexiconFlag(fs *flag.FlagSet) *multiFlag {
	var m multiFlag
	fs.Var(&m, "lexicon", "an extra lexicon file merged over the built-in one (repeatable)")
	return &m
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// fail prints err as one line, with what to do next when it is a coded error.
func (e *env) fail(format string, args ...any) {
	fmt.Fprintf(e.stderr, "kg: "+format+"\n", args...)
}

// openStore opens the store, printing a clear message on failure.
func (e *env) openStore(addr string) (*graph.Store, bool) {
	st, err := graph.Open(e.ctx, addr)
	if err != nil {
		e.fail("%v", err)
		return nil, false
	}
	return st, true
}

// newExtractor builds the extractor with the user's lexicons and, when
// given, the analysts' curated aliases (curatedAliases).
func newExtractor(lexicons []string, aliases map[string]schema.Entity) (*extract.Extractor, error) {
	opts := []extract.Option{}
	if len(lexicons) > 0 {
		opts = append(opts, extract.WithLexiconFiles(lexicons...))
	}
	if len(aliases) > 0 {
		opts = append(opts, extract.WithAliases(aliases))
	}
	return extract.New(opts...)
}

// curatedAliases turns the store's curation into the extractor's alias table.
func curatedAliases(ctx context.Context, st schema.Store, cur *schema.Curation) (map[string]schema.Entity, error) {
	if cur == nil || len(cur.Aliases) == 0 {
		return nil, nil
	}
	keys := make([]string, 0, len(cur.Aliases))
	ids := make([]string, 0, len(cur.Aliases))
	for k, id := range cur.Aliases {
		keys = append(keys, k)
		ids = append(ids, id)
	}
	es, err := st.EntitiesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("read curated entities: %w", err)
	}
	out := make(map[string]schema.Entity, len(keys))
	for i, e := range es {
		if e != nil {
			out[keys[i]] = *e
		}
	}
	return out, nil
}

// discardLog is a logger for in-process queries, whose request logs would
// only clutter the printed result.
func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
