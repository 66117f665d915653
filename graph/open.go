package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store and the lib/pq driver
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"

	"github.com/newsgraph/kg/schema"
)

// DefaultPath is the bbolt file used when no address is given.
const DefaultPath = "kg.db"

// lockTimeout bounds how long Open waits for another process's lock on a
// bbolt file before reporting the file as in use: long enough to ride over a
// short-lived command finishing, short enough not to look hung.
const lockTimeout = time.Second

// Backend names, as reported by Store.Backend.
const (
	BackendBolt     = "bbolt"
	BackendMemory   = "memory"
	BackendPostgres = "postgres"
)

// AddressForms describes the accepted store addresses, for flag help texts;
// every "bad address" message ends with it so the user knows what to type.
const AddressForms = "use a file path (default " + DefaultPath + "), memory:, or postgres://user@host:port/db"

// Store is the Cayley-backed schema.Store. It is safe for concurrent use:
// reads share a lock, writes (which read the article's current quads to
// compute what changed) take it exclusively. On bbolt and memory, whose only
// writer is this process, decoded entities and index lookups are kept
// between writes (cache.go).
type Store struct {
	qs      cgraph.QuadStore
	backend string
	addr    string  // the address as shown to users (password removed)
	pg      *sql.DB // PostgreSQL only: our own connection, for batched value reads
	cache   *cache  // see cache.go for how it stays fresh
	ix      indexStore
	hook    *hookKV // bbolt only: commits index changes with Cayley's writes
	mapped  string  // bbolt only: the file as /proc/self/maps names it

	mu     sync.RWMutex
	closed bool
}

var _ schema.Store = (*Store)(nil)

// Open opens (creating it if needed) the store at addr, the one addressing
// scheme every kg command takes through --store / KG_STORE:
//
//   - "" or a file path: an embedded bbolt database in that one file
//     ("" means ./kg.db). Only one process may have it open; a second one
//     gets CodeUnavailable after about a second instead of hanging.
//   - "memory:": Cayley's in-memory store, empty at start, gone at Close.
//   - "postgres://…" or "postgresql://…": Cayley's SQL store on PostgreSQL;
//     the tables (and the indexes Cayley lacks) are created on first use.
//
// Anything else is CodeInvalid; an unreachable database is CodeUnavailable.
func Open(ctx context.Context, addr string) (*Store, error) {
	switch {
	case addr == "memory:" || addr == "memory":
		s := &Store{qs: memstore.New(), backend: BackendMemory, addr: "memory:", cache: newCache(), ix: &memIndex{}}
		return s, s.ensureIndex(ctx)
	case strings.HasPrefix(addr, "postgres://") || strings.HasPrefix(addr, "postgresql://"):
		return openPostgres(ctx, addr)
	}
	path := addr
	if path == "" {
		path = DefaultPath
	}
	if i := strings.Index(path, "://"); i > 0 || looksLikeScheme(path) {
		return nil, schema.Errorf(schema.CodeInvalid, "unsupported store address %q: %s", addr, AddressForms)
	}
	s, err := openBolt(path)
	if err != nil {
		return nil, err
	}
	if err := s.ensureIndex(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// looksLikeScheme reports whether s starts like "name:" (a URL scheme we do
// not know) rather than like a path. One-letter prefixes are left alone so a
// Windows drive letter stays a path.
func looksLikeScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 2 {
		return false
	}
	for _, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// openBolt opens the single-file bbolt store. Cayley's own bbolt registration
// wants a directory holding indexes.bolt; we want one file the user can copy,
// so the file is opened here and handed to Cayley's kv quad store.
func openBolt(path string) (*Store, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, schema.Errorf(schema.CodeInvalid, "store %s is a directory, not a store file: %s", path, AddressForms)
	}
	if dir := filepath.Dir(path); dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, schema.Errorf(schema.CodeInvalid, "store %s: directory %s does not exist", path, dir)
		}
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: lockTimeout})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		// No Err: "timeout" adds nothing the message does not say better.
		return nil, &schema.Error{Code: schema.CodeUnavailable, Message: fmt.Sprintf(
			"store %s is in use by another process (a running `kg serve`?): stop it, use another --store, "+
				"or send articles to the server with `kg load --server URL`", path)}
	case errors.Is(err, bolt.ErrInvalid) || errors.Is(err, bolt.ErrVersionMismatch) || errors.Is(err, bolt.ErrChecksum):
		return nil, &schema.Error{Code: schema.CodeInvalid, Err: err,
			Message: fmt.Sprintf("store %s is not a kg store file (not a bbolt database)", path)}
	case err != nil:
		return nil, &schema.Error{Code: schema.CodeUnavailable, Err: err,
			Message: fmt.Sprintf("cannot open store %s", path)}
	}
	hdb := &hookKV{DB: hbolt.New(db)}
	// Cayley's bloom filters cost ~150 MB and a scan of the whole log at
	// every open; our writes diff against the article's existing quads
	// themselves, so the filters buy nothing here.
	opts := cgraph.Options{kv.OptNoBloom: true}
	if err := kv.Init(hdb, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		_ = hdb.Close()
		return nil, &schema.Error{Code: schema.CodeInvalid, Err: err,
			Message: fmt.Sprintf("store %s cannot be initialised as a kg store", path)}
	}
	qs, err := kv.New(hdb, opts)
	if err != nil {
		_ = hdb.Close()
		return nil, &schema.Error{Code: schema.CodeInvalid, Err: err,
			Message: fmt.Sprintf("store %s is not a kg store file", path)}
	}
	mapped, err := filepath.Abs(path)
	if err == nil {
		if real, err := filepath.EvalSymlinks(mapped); err == nil {
			mapped = real
		}
	}
	return &Store{qs: qs, backend: BackendBolt, addr: path, cache: newCache(), ix: boltIndex{db}, hook: hdb, mapped: mapped}, nil
}

// postgresIndexes are created on first use, beside Cayley's own: Cayley
// indexes (s,p,o), (o,p,s), (p,o,s) and (o,s,p) but not the label, which
// retraction and per-article reads filter on.
// (label_hash, subject_hash) serves label-only look-ups too.
var postgresIndexes = []string{
	`CREATE INDEX IF NOT EXISTS kg_quads_label_subject_index ON quads (label_hash, subject_hash)`,
	pgIndexTable,
	pgMeta,
}

// postgresDropped are Cayley's indexes kg drops from the stores it creates:
// no kg read looks quads up by predicate alone (pos_index) or by object and
// subject without the predicate (osp_index; ops_index serves object
// look-ups), and every index costs each inserted quad a random B-tree
// insertion: without these two a 2,000-article load took 31 s instead of
// 39 s (its quad inserts 19 s instead of 27 s). Cayley's own query engine still answers over the
// store; a traversal by predicate alone scans the table instead. Stores
// created by Cayley or an earlier kg keep their indexes.
var postgresDropped = []string{
	`DROP INDEX IF EXISTS pos_index`,
	`DROP INDEX IF EXISTS osp_index`,
}

// openPostgres opens Cayley's SQL store, creating the tables on first use.
func openPostgres(ctx context.Context, addr string) (*Store, error) {
	shown := redact(addr)
	unavailable := func(err error) error {
		return &schema.Error{Code: schema.CodeUnavailable, Err: err, Message: fmt.Sprintf(
			"cannot reach PostgreSQL store %s: is the server running and the address right?", shown)}
	}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		return nil, &schema.Error{Code: schema.CodeInvalid, Err: err,
			Message: fmt.Sprintf("bad PostgreSQL address %s: %s", shown, AddressForms)}
	}
	ok := false
	defer func() {
		if !ok {
			db.Close()
		}
	}()
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		return nil, unavailable(err)
	}
	// Cayley's Init logs an error when the tables exist, so look first.
	var exists bool
	if err := db.QueryRowContext(pctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, unavailable(err)
	}
	if !exists {
		if err := cgraph.InitQuadStore(BackendPostgres, addr, nil); err != nil &&
			!errors.Is(err, cgraph.ErrDatabaseExists) && !strings.Contains(err.Error(), "already exists") {
			return nil, &schema.Error{Code: schema.CodeUnavailable, Err: err,
				Message: fmt.Sprintf("cannot initialise PostgreSQL store %s", shown)}
		}
	}
	if !exists {
		for _, q := range postgresDropped {
			if _, err := db.ExecContext(pctx, q); err != nil {
				return nil, &schema.Error{Code: schema.CodeUnavailable, Err: err,
					Message: fmt.Sprintf("cannot initialise PostgreSQL store %s", shown)}
			}
		}
	}
	for _, q := range postgresIndexes {
		if _, err := db.ExecContext(pctx, q); err != nil && !strings.Contains(err.Error(), "already exists") {
			return nil, &schema.Error{Code: schema.CodeUnavailable, Err: err,
				Message: fmt.Sprintf("cannot index PostgreSQL store %s", shown)}
		}
	}
	qs, err := cgraph.NewQuadStore(BackendPostgres, addr, nil)
	if err != nil {
		return nil, unavailable(err)
	}
	s := &Store{qs: qs, backend: BackendPostgres, addr: shown, pg: db, ix: pgIndex{db}, cache: newCache()}
	if err := s.ensureIndex(ctx); err != nil {
		_ = qs.Close()
		return nil, err
	}
	ok = true
	return s, nil
}

// redact removes the password from a database URL before it is shown.
func redact(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return "postgres://…"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Backend names the backend in use (BackendBolt, BackendMemory or
// BackendPostgres), for logs and the CLI's status line.
func (s *Store) Backend() string { return s.backend }

// Addr is the store's address as it may be shown to users (no password).
func (s *Store) Addr() string { return s.addr }

// Close releases the store: the bbolt file lock, or the database
// connections. Closing twice is harmless.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.pg != nil {
		_ = s.pg.Close()
	}
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.addr, err)
	}
	return nil
}

// errClosed is returned by every method called after Close.
func (s *Store) errClosed() error {
	return schema.Errorf(schema.CodeUnavailable, "store %s is closed", s.addr)
}
