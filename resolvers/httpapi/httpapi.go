// Package httpapi is the HTTP face of the GraphQL API: the gqlgen handler with
// its limits, error presenter, panic recovery, API keys, CORS, request logs,
// the playground and the health check. It is shared by `kg serve` and
// `kg query`, which runs the same handler in-process.
//
// /query speaks GraphQL over HTTP as the specification's draft asks
// (conform.go): it passes every MUST and SHOULD audit of graphql-http
// (testdata/audit.sh), answering request errors without "data", with 200 for
// application/json and 4xx for application/graphql-response+json.
//
// Hostile queries are refused before any resolver runs (limits.go): a token
// limit in the parser, a depth limit that lets introspection through, and a
// cost limit in which paged fields multiply their selection by their page
// size, so aliases, nested connections and fragment chains cannot hide their
// size. Every refusal carries extensions.code: QUERY_TOO_COMPLEX for the
// limits, INVALID_INPUT for a malformed request or a page over the maximum,
// UNAUTHORIZED (HTTP 401) for a missing API key, GRAPHQL_PARSE_FAILED and
// GRAPHQL_VALIDATION_FAILED for bad documents.
//
// The playground at / is GraphiQL served from embedded files only
// (playground.go), opening on the example queries of examples/queries.
package httpapi

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/generated"
	"github.com/newsgraph/kg/schema"
)

// Config is what `kg serve` and in-process queries configure.
type Config struct {
	// APIKey, when set, is required for mutations (Authorization: Bearer KEY
	// or X-API-Key: KEY).
	APIKey string
	// ReadKey, when true, requires the API key for queries too.
	ReadKey bool
	// Complexity is the largest query cost accepted (DefaultComplexity when
	// zero); see the limits described at DefaultComplexity.
	Complexity int
	// Depth is the deepest selection nesting accepted (DefaultDepth when zero).
	Depth int
	// Tokens is the most lexical tokens a query may have (DefaultTokens when zero).
	Tokens int
	// MaxBody is the largest request body accepted, in bytes (DefaultMaxBody when zero).
	MaxBody int64
	// CORSOrigins lists the origins allowed to call the API from a browser
	// ("*" for any); empty means no CORS headers.
	CORSOrigins []string
	Log         *slog.Logger
}

type keyCtx struct{}

func init() {
	// A missing key is a request error (no "data"); conform answers it 401.
	errcode.RegisterErrorType(schema.CodeUnauthorized, errcode.KindProtocol)
}

// apiKey refuses, before it runs, an operation that needs the API key and
// came without it: mutations, and queries too when reads is set.
type apiKey struct {
	key   string
	reads bool
}

// ExtensionName names the extension for gqlgen.
func (apiKey) ExtensionName() string { return "APIKey" }

// Validate accepts any schema.
func (apiKey) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks the key withKey put in the context.
func (k apiKey) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if k.key == "" || !k.reads && (op.Operation == nil || op.Operation.Operation != ast.Mutation) {
		return nil
	}
	if given, _ := ctx.Value(keyCtx{}).(string); subtle.ConstantTimeCompare([]byte(given), []byte(k.key)) == 1 {
		return nil
	}
	err := gqlerror.Errorf("this operation needs the API key: send it as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'")
	errcode.Set(err, schema.CodeUnauthorized)
	return err
}

// newGraphQL builds the GraphQL handler with its limits, error presenter and
// panic recovery.
func newGraphQL(r *resolvers.Resolver, cfg Config) *handler.Server {
	c := generated.Config{Resolvers: r}
	es := generated.NewExecutableSchema(c)
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(requireQuery{}) // after APQ, which may fill the query in
	tokens := cfg.Tokens
	if tokens <= 0 {
		tokens = DefaultTokens
	}
	srv.SetParserTokenLimit(tokens)
	srv.Use(apiKey{key: cfg.APIKey, reads: cfg.ReadKey}) // before the limits: strangers cost nothing
	srv.Use(newLimits(r, cfg))
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var se *schema.Error
		if errors.As(err, &se) {
			gerr.Message = se.Message
			if gerr.Extensions == nil {
				gerr.Extensions = map[string]any{}
			}
			gerr.Extensions["code"] = se.Code
			if se.Code == schema.CodeInternal || se.Code == schema.CodeUnavailable {
				log.Error("graphql", "path", gerr.Path, "err", err)
			}
			return gerr
		}
		if presentLimitError(gerr, tokens) {
			return gerr
		}
		var inner *gqlerror.Error
		if errors.As(err, &inner) && inner.Extensions != nil && inner.Extensions["code"] != nil {
			return gerr // parse, validation and limit errors carry their own codes
		}
		if inner != nil && len(inner.Path) == 0 && graphql.GetFieldContext(ctx) == nil {
			// A request error from the transport (unreadable body or
			// JSON): the caller's fault, said without echoing the body.
			gerr.Message, _, _ = strings.Cut(gerr.Message, " body:")
			gerr.Extensions = map[string]any{"code": schema.CodeInvalid}
			return gerr
		}
		if gerr.Extensions == nil || gerr.Extensions["code"] == nil {
			log.Error("graphql", "path", gerr.Path, "err", err)
			gerr.Message = "internal error: the server logged the details"
			gerr.Extensions = map[string]any{"code": schema.CodeInternal}
		}
		return gerr
	})
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		log.Error("graphql panic", "panic", v)
		return &schema.Error{Code: schema.CodeInternal, Message: "internal error: the server logged the details"}
	})
	return srv
}

// NewHandler returns the HTTP handler of `kg serve`: GraphQL at /query, the
// offline GraphiQL playground at / with its files under /assets/, and
// /healthz.
func NewHandler(r *resolvers.Resolver, cfg Config) http.Handler {
	gql := newGraphQL(r, cfg)
	mux := http.NewServeMux()
	maxBody := cfg.MaxBody
	if maxBody <= 0 {
		maxBody = DefaultMaxBody
	}
	mux.Handle("/query", conform(r.Middleware(withKey(gql)), maxBody))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), 2*time.Second)
		defer cancel()
		// One index look-up: it proves the store answers without counting
		// it (Stats reads every article and entity, seconds on a big store).
		if _, err := r.Store.HasArticle(ctx, "healthz"); err != nil {
			http.Error(w, "store unavailable: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintln(w, `{"status":"ok"}`)
	})
	page, err := newPlayground("kg — news knowledge graph", "/query")
	if err != nil {
		panic(err) // the page and its examples are embedded: a test catches this
	}
	mux.Handle("/", page)
	mux.Handle(assetsPath, assetHandler())
	var h http.Handler = mux
	h = withCORS(h, cfg.CORSOrigins)
	h = withLog(h, cfg.Log)
	return h
}

// withKey passes the request's API key to the operation middleware.
func withKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		key := req.Header.Get("X-API-Key")
		if b, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok {
			key = strings.TrimSpace(b)
		}
		next.ServeHTTP(w, req.WithContext(context.WithValue(req.Context(), keyCtx{}, key)))
	})
}

func withCORS(next http.Handler, origins []string) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		origin := req.Header.Get("Origin")
		for _, o := range origins {
			if o == "*" || o == origin {
				w.Header().Set("Access-Control-Allow-Origin", o)
				w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-API-Key")
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				w.Header().Add("Vary", "Origin")
				break
			}
		}
		if req.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, req)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func withLog(next http.Handler, log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, req)
		log.Info("http", "method", req.Method, "path", req.URL.Path, "status", sw.status,
			"ms", time.Since(start).Milliseconds())
	})
}

// Serve runs the HTTP server on l until ctx ends, then shuts down gracefully.
func Serve(ctx context.Context, l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	}
}
