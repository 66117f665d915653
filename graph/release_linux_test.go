package graph

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// mappedRSS sums the resident kilobytes of this process's mappings of path
// (from /proc/self/smaps).
func mappedRSS(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	defer f.Close()
	total, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			// A mapping's header: "start-end perms offset dev inode [path]".
			in = len(fields) >= 6 && fields[5] == path
			continue
		}
		if in && len(fields) >= 2 && fields[0] == "Rss:" {
			n, _ := strconv.Atoi(fields[1])
			total += n
		}
	}
	return total
}

// TestReleaseMapped: the store file's pages a read maps leave the
// process's resident memory when released, and the store still reads.
func TestReleaseMapped(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "kg.db"))
	var xs []*schema.Extraction
	for i := range 300 {
		xs = append(xs, synthetic(i))
	}
	if _, err := s.PutExtractions(ctx, xs); err != nil {
		t.Fatal(err)
	}
	if _, err := s.allQuads(ctx); err != nil { // maps the whole file
		t.Fatal(err)
	}
	before := mappedRSS(t, s.mapped)
	if before == 0 {
		t.Fatalf("no resident pages of %s after reading it all", s.mapped)
	}
	releaseMapped(s.mapped)
	if after := mappedRSS(t, s.mapped); after > before/4 {
		t.Fatalf("resident pages of the store: %d KiB before release, %d KiB after", before, after)
	}
	if n, err := s.CountStatements(ctx, schema.StatementFilter{}); err != nil || n != 600 {
		t.Fatalf("after release: %d statements, %v; want 600", n, err)
	}
}

// TestMeteredTx: the write hook runs once every tickEvery operations,
// batch look-ups counted per key.
func TestMeteredTx(t *testing.T) {
	ticks := 0
	m := &meteredTx{tick: func() { ticks++ }}
	for range tickEvery - 1 {
		m.count(1)
	}
	if ticks != 0 {
		t.Fatalf("%d ticks after %d operations", ticks, tickEvery-1)
	}
	m.count(1)
	m.count(3 * tickEvery)
	if ticks != 2 {
		t.Fatalf("%d ticks after %d operations; want 2", ticks, 4*tickEvery)
	}
}
