// Package graphtest helps tests run against the PostgreSQL backend: every
// test gets a schema of its own on the server named by KG_TEST_POSTGRES, so
// runs never see each other's tables. It is used by the store's own tests and
// by end-to-end tests of the commands.
package graphtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/lib/pq" // the driver Cayley's SQL backend uses
)

// EnvDSN is the environment variable naming the test PostgreSQL server.
const EnvDSN = "KG_TEST_POSTGRES"

// PostgresDSN returns a DSN for a fresh schema of the server named by
// KG_TEST_POSTGRES. Without the variable the test is skipped, or fails when
// CI is set: CI must test the PostgreSQL path.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but " + EnvDSN + " is empty: the PostgreSQL backend must be tested in CI")
		}
		t.Skip("set " + EnvDSN + "=postgres://postgres@127.0.0.1:5432/test?sslmode=disable to run this test")
	}
	return FreshPostgres(t, dsn)
}

// FreshPostgres creates a schema of its own for one test on the server at
// dsn and returns a DSN whose search_path points at it; the schema is
// dropped at the end of the test.
func FreshPostgres(t testing.TB, dsn string) string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "kg_test_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		_, _ = db.Exec("DROP SCHEMA " + name + " CASCADE")
		db.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("parse %s: %v", dsn, err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}
