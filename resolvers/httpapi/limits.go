package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/schema"
)

// Default query limits. A hostile query is refused before any resolver runs,
// with extensions.code QUERY_TOO_COMPLEX (or INVALID_INPUT for a page larger
// than the resolvers allow):
//
//   - DefaultTokens bounds the parser's work: a longer document stops being
//     lexed at the limit. The analyst queries of examples/queries have under
//     100 tokens and GraphiQL's introspection query about 300.
//   - DefaultDepth bounds selection nesting, not counting introspection
//     (__schema, __type, __typename), whose own depth gqlparser bounds.
//   - DefaultComplexity bounds the estimated number of values resolved: each
//     field counts 1, and a paged field (a connection, or a list with a first
//     argument) counts its page size times its selection, so aliases and
//     nested pages multiply as they would at run time (see coster).
const (
	DefaultComplexity = 5000
	DefaultDepth      = 12
	DefaultTokens     = 5000
)

func init() {
	// Our limit errors are request errors, like parse and validation
	// errors: gqlgen then answers them with a 4xx (see conform).
	errcode.RegisterErrorType(schema.CodeTooComplex, errcode.KindProtocol)
}

// limits is a gqlgen extension that checks the depth, then the complexity,
// of every operation before it runs.
type limits struct {
	depth, complexity int
	pageDefault       int
	pageMax           int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &limits{}

func newLimits(r *resolvers.Resolver, cfg Config) *limits {
	l := &limits{depth: cfg.Depth, complexity: cfg.Complexity, pageDefault: resolvers.DefaultPage, pageMax: r.PageMax()}
	if l.depth <= 0 {
		l.depth = DefaultDepth
	}
	if l.complexity <= 0 {
		l.complexity = DefaultComplexity
	}
	return l
}

// ExtensionName names the extension for gqlgen.
func (l *limits) ExtensionName() string { return "QueryLimits" }

// Validate accepts any schema: the limits read only the operation.
func (l *limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses an operation deeper or costlier than the
// limits.
func (l *limits) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		return nil
	}
	if d := depth(op.SelectionSet, map[string]int{}); d > l.depth {
		return tooComplex("the query nests %d levels deep; the limit is %d", d, l.depth)
	}
	c := &coster{vars: opCtx.Variables, pageDefault: l.pageDefault, pageMax: l.pageMax, memo: map[string]int{}}
	if cost := c.set(op.SelectionSet); cost > l.complexity {
		return tooComplex("the query's estimated cost is %d; the limit is %d "+
			"(a connection costs its page size times its selection: ask for smaller pages or fewer fields)",
			cost, l.complexity)
	}
	return nil
}

func tooComplex(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, schema.CodeTooComplex)
	return err
}

// depth returns how deep a selection set nests, counting each field as one
// level ({ a { b } } is 2) and skipping introspection fields. Fragments are
// measured once each (memo), so a fragment spread many times costs nothing
// more; validation has already refused fragment cycles.
func depth(set ast.SelectionSet, memo map[string]int) int {
	deepest := 0
	for _, sel := range set {
		d := 0
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + depth(s.SelectionSet, memo)
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, memo)
		case *ast.FragmentSpread:
			var ok bool
			if d, ok = memo[s.Name]; !ok {
				memo[s.Name] = 0 // a cycle, were there one, ends here
				if s.Definition != nil {
					d = depth(s.Definition.SelectionSet, memo)
				}
				memo[s.Name] = d
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// coster estimates what an operation costs to run: each field costs 1 plus
// its selection, except a paged field, which costs 1 + page × its
// selection. A field is paged when it takes a first or last argument (a
// connection, or a list such as path and neighbors) or its type is named
// …Connection; page is first, else last, else the argument's default in the
// schema, else the resolvers' default page, capped at their maximum page
// (a larger page is refused with INVALID_INPUT anyway). Introspection below
// __schema and __type is free; gqlparser bounds it.
//
// It replaces gqlgen's complexity.Calculate, which walks every fragment
// spread afresh: a chain of thirty fragments each spreading the previous one
// twice took minutes there. Here a fragment is costed once (memo), and a
// fragment spread twice in one selection set counts once, as execution
// merges it. Sums saturate at maxInt.
type coster struct {
	vars                 map[string]any
	pageDefault, pageMax int
	memo                 map[string]int
}

func (c *coster) set(set ast.SelectionSet) int {
	total := 0
	var spread map[string]bool
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") && s.Name != "__typename" {
				continue
			}
			total = add(total, c.field(s))
		case *ast.InlineFragment:
			total = add(total, c.set(s.SelectionSet))
		case *ast.FragmentSpread:
			if spread[s.Name] {
				continue
			}
			if spread == nil {
				spread = map[string]bool{}
			}
			spread[s.Name] = true
			cost, ok := c.memo[s.Name]
			if !ok {
				c.memo[s.Name] = 0 // a cycle, were there one, ends here
				if s.Definition != nil {
					cost = c.set(s.Definition.SelectionSet)
				}
				c.memo[s.Name] = cost
			}
			total = add(total, cost)
		}
	}
	return total
}

func (c *coster) field(f *ast.Field) int {
	child := c.set(f.SelectionSet)
	if f.Definition == nil {
		return add(1, child)
	}
	args := f.ArgumentMap(c.vars) // with the schema's defaults
	page, ok := intArg(args["first"])
	if !ok {
		page, ok = intArg(args["last"])
	}
	if !ok {
		if !strings.HasSuffix(f.Definition.Type.Name(), "Connection") {
			return add(1, child)
		}
		page = c.pageDefault
	}
	page = min(max(page, 1), c.pageMax)
	child = max(child, 1)
	if child > (maxInt-1)/page {
		return maxInt
	}
	return 1 + page*child
}

// add is a saturating sum of non-negative costs.
func add(a, b int) int {
	if a > maxInt-b {
		return maxInt
	}
	return a + b
}

const maxInt = int(^uint(0) >> 1)

// intArg reads an Int argument as gqlparser or variable coercion leave it.
func intArg(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(max(min(n, 1<<31), -1<<31)), true
	case float64:
		return int(max(min(n, 1<<31), -1<<31)), true
	case json.Number:
		i, err := n.Int64()
		if err != nil {
			return 0, false
		}
		return intArg(i)
	case *int:
		if n != nil {
			return *n, true
		}
	}
	return 0, false
}

// presentLimitError rewrites gqlparser's token-limit error, a parse error,
// into our QUERY_TOO_COMPLEX with a message that says what to do.
func presentLimitError(gerr *gqlerror.Error, tokens int) bool {
	if !strings.HasPrefix(gerr.Message, "exceeded token limit") {
		return false
	}
	gerr.Message = fmt.Sprintf("the query has more than %d tokens; send a shorter query", tokens)
	if gerr.Extensions == nil {
		gerr.Extensions = map[string]any{}
	}
	gerr.Extensions["code"] = schema.CodeTooComplex
	return true
}
