package graph

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph/graphtest"
	"github.com/newsgraph/kg/schema"
)

// TestOpenLocked opens the same bbolt file twice from one process: bbolt's
// flock is per open file description, so the second Open meets the lock as
// another process would, and must fail fast with a message that says what
// to do.
func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kg.db")
	first := mustOpen(t, path)
	start := time.Now()
	_, err := Open(context.Background(), path)
	if err == nil {
		t.Fatal("second Open of a locked file succeeded")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second Open took %v, want about %v", d, lockTimeout)
	}
	if schema.ErrorCode(err) != schema.CodeUnavailable {
		t.Errorf("error code = %s, want %s", schema.ErrorCode(err), schema.CodeUnavailable)
	}
	for _, want := range []string{path, "in use by another process", "--store", "kg load --server"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err.Error(), want)
		}
	}
	// Close releases the lock, and the data is still there.
	mustPut(t, first, fixtureA(t))
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again := mustOpen(t, path)
	st, err := again.Stats(context.Background())
	if err != nil || st.Articles != 1 {
		t.Errorf("reopened store: %+v, %v", st, err)
	}
	if _, err := first.Stats(context.Background()); schema.ErrorCode(err) != schema.CodeUnavailable {
		t.Errorf("use after Close = %v, want STORE_UNAVAILABLE", err)
	}
	if err := first.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

func TestOpenAddresses(t *testing.T) {
	dir := t.TempDir()
	notStore := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notStore, []byte("these are not the quads you are looking for\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr    string
		code    string // "" for success
		backend string
		msg     string
	}{
		{addr: "memory:", backend: BackendMemory},
		{addr: filepath.Join(dir, "a.db"), backend: BackendBolt},
		{addr: "redis://localhost:6379", code: schema.CodeInvalid, msg: "postgres://"},
		{addr: "mongodb://x", code: schema.CodeInvalid, msg: "memory:"},
		{addr: "bolt:foo", code: schema.CodeInvalid, msg: "file path"},
		{addr: dir, code: schema.CodeInvalid, msg: "directory"},
		{addr: filepath.Join(dir, "missing", "kg.db"), code: schema.CodeInvalid, msg: "does not exist"},
		{addr: notStore, code: schema.CodeInvalid, msg: "not a kg store"},
		{addr: "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", code: schema.CodeUnavailable, msg: "cannot reach"},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			s, err := Open(context.Background(), tc.addr)
			if tc.code == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer s.Close()
				if s.Backend() != tc.backend {
					t.Errorf("backend = %s, want %s", s.Backend(), tc.backend)
				}
				return
			}
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if schema.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error = %v (%s), want code %s mentioning %q", err, schema.ErrorCode(err), tc.code, tc.msg)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

// TestDefaultPath checks that "" opens ./kg.db.
func TestDefaultPath(t *testing.T) {
	t.Chdir(t.TempDir())
	s := mustOpen(t, "")
	if s.Addr() != DefaultPath {
		t.Errorf("addr = %s", s.Addr())
	}
	s.Close()
	if _, err := os.Stat(DefaultPath); err != nil {
		t.Errorf("default store file: %v", err)
	}
}

// TestPostgresReopen opens an initialised PostgreSQL store a second time:
// the tables exist, and Open must reuse them without error.
func TestPostgresReopen(t *testing.T) {
	addr := graphtest.PostgresDSN(t)
	s := mustOpen(t, addr)
	mustPut(t, s, fixtureA(t))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again := mustOpen(t, addr)
	st, err := again.Stats(context.Background())
	if err != nil || st.Articles != 1 {
		t.Errorf("reopened store: %+v, %v", st, err)
	}
}

// TestPostgresIndexes checks the indexes of a store kg creates: Cayley's
// (subject, predicate, object) and (object, predicate, subject) that its
// reads use, the label index kg adds, and neither of the two it drops; and
// that a store whose tables already exist (Cayley's, or an earlier kg's)
// keeps every index it has.
func TestPostgresIndexes(t *testing.T) {
	addr := graphtest.PostgresDSN(t)
	s := mustOpen(t, addr)
	mustPut(t, s, fixtureA(t))
	indexes := func() []string {
		t.Helper()
		rows, err := s.pg.Query(`SELECT indexname FROM pg_indexes
			WHERE tablename = 'quads' AND schemaname = current_schema() ORDER BY indexname`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	want := []string{"kg_quads_label_subject_index", "ops_index", "quads_pkey", "spo_index", "spo_unique", "spol_unique"}
	if got := indexes(); !slices.Equal(got, want) {
		t.Errorf("indexes of a new store: %v, want %v", got, want)
	}
	// An existing store keeps what it has: recreate one dropped index
	// and reopen.
	if _, err := s.pg.Exec(`CREATE INDEX pos_index ON quads (predicate_hash, object_hash, subject_hash)`); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, addr)
	if got := indexes(); !slices.Contains(got, "pos_index") {
		t.Errorf("reopening dropped an index of an existing store: %v", got)
	}
	if st, err := s.Stats(context.Background()); err != nil || st.Articles != 1 {
		t.Errorf("reopened store: %+v, %v", st, err)
	}
}

// TestUpdateStatistics: after a load, PostgreSQL has planner statistics for
// kg's tables (the server here runs without autovacuum, so only kg's
// ANALYZE can give them); the other backends have nothing to do.
func TestUpdateStatistics(t *testing.T) {
	ctx := context.Background()
	if err := mustOpen(t, "memory:").UpdateStatistics(ctx); err != nil {
		t.Errorf("memory store: %v", err)
	}
	s := mustOpen(t, graphtest.PostgresDSN(t))
	mustPut(t, s, fixtureA(t))
	analyzed := func() int {
		t.Helper()
		var n int
		if err := s.pg.QueryRow(`SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = current_schema()
			AND relname IN ('quads', 'nodes', 'kg_index') AND last_analyze IS NOT NULL`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := s.UpdateStatistics(ctx); err != nil {
		t.Fatal(err)
	}
	// The statistics collector reports asynchronously.
	for i := 0; i < 50 && analyzed() < 3; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if n := analyzed(); n != 3 {
		t.Errorf("%d of kg's 3 tables analyzed", n)
	}
}
