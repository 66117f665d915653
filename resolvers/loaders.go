package resolvers

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/kg/schema"
)

// loaders batch the store look-ups of one request: every speaker, source,
// target and article of a page of statements is fetched in one store call
// per level instead of one per field.
type loaders struct {
	entity    *dataloadgen.Loader[string, *schema.Entity]
	article   *dataloadgen.Loader[string, *schema.Article]
	statement *dataloadgen.Loader[string, *schema.Statement]
	account   *dataloadgen.Loader[string, *schema.Event]
}

type loadersKey struct{}

func newLoaders(store schema.Store) *loaders {
	wait := dataloadgen.WithWait(time.Millisecond)
	return &loaders{
		entity: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*schema.Entity, []error) {
			es, err := store.EntitiesByID(ctx, ids)
			return es, fanErr(err, len(ids))
		}, wait),
		article: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*schema.Article, []error) {
			as, err := store.ArticlesByID(ctx, ids)
			return as, fanErr(err, len(ids))
		}, wait),
		statement: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*schema.Statement, []error) {
			ss, err := store.StatementsByID(ctx, ids)
			return ss, fanErr(err, len(ids))
		}, wait),
		account: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*schema.Event, []error) {
			es, err := store.EventsByAccount(ctx, ids)
			return es, fanErr(err, len(ids))
		}, wait),
	}
}

func fanErr(err error, n int) []error {
	if err == nil {
		return nil
	}
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// Middleware gives each HTTP request its own loaders (their caches must not
// outlive a request, or analysts would see stale curation).
func (r *Resolver) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := context.WithValue(req.Context(), loadersKey{}, newLoaders(r.Store))
		next.ServeHTTP(w, req.WithContext(ctx))
	})
}

// WithLoaders returns ctx carrying fresh loaders, for in-process queries.
func (r *Resolver) WithLoaders(ctx context.Context) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(r.Store))
}

// loadersFor returns the request's loaders, or unshared ones when the
// context carries none (a test calling a resolver directly).
func loadersFor(ctx context.Context, r *Resolver) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store)
}

func (l *loaders) entities(ctx context.Context, ids []string) ([]*schema.Entity, error) {
	return l.entity.LoadAll(ctx, ids)
}

func (l *loaders) articles(ctx context.Context, ids []string) ([]*schema.Article, error) {
	return l.article.LoadAll(ctx, ids)
}
