// Command kg builds and serves a knowledge graph of who said what about
// what, according to whom, from news articles.
//
//	kg load [--store S] PATH…          read, extract and store articles
//	kg extract --json FILE…            extraction only, printed as JSON
//	kg serve [--store S] [--demo]      GraphQL at /query, playground at /
//	kg query [--store S] 'GRAPHQL'     run one query in-process
//	kg export [--store S] --format F   N-Quads or JSON-LD
//
// main only wires signals; the work is in Run so tests drive the real
// program.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
