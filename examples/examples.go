// Package examples holds the demo articles that `kg serve --demo` loads and
// the example GraphQL queries of the playground and README. The articles are
// short pieces written for this project about the April 2021 events, in
// French and English; they are not copies of any published text.
package examples

import "embed"

// Articles are the demo articles, plain text with a header (see loader).
//
//go:embed articles/*.txt
var Articles embed.FS

// Queries are the example GraphQL queries analysts start from: the
// playground opens them as tabs, and a test validates and runs each.
//
//go:embed queries/*.graphql
var Queries embed.FS
