package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/kg/graph"
	"github.com/newsgraph/kg/schema"
)

// buildKG builds the kg binary once per test run.
func buildKG(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kg")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build kg: %v\n%s", err, out)
	}
	return bin
}

// TestKillMidLoadThenResume kills `kg load` with SIGKILL while it writes,
// runs it again, and checks the store ends with exactly the quads of a
// clean run: no article is ever half-written.
func TestKillMidLoadThenResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads a generated corpus")
	}
	bin := buildKG(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	e := &env{stdout: os.Stdout, stderr: os.Stderr}
	if err := writeSynthetic(e, corpus, 150, 7); err != nil {
		t.Fatal(err)
	}
	// Exports list quads in each store's own order: compare them sorted.
	export := func(db string) []byte {
		out, err := exec.Command(bin, "export", "--store", db).Output()
		if err != nil {
			t.Fatalf("export %s: %v", db, err)
		}
		lines := bytes.SplitAfter(out, []byte("\n"))
		slices.SortFunc(lines, bytes.Compare)
		return bytes.Join(lines, nil)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "load", "--quiet", "--store", clean, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean load: %v\n%s", err, out)
	}
	want := export(clean)

	killed := filepath.Join(dir, "killed.db")
	for _, after := range []time.Duration{300 * time.Millisecond, 900 * time.Millisecond} {
		cmd := exec.Command(bin, "load", "--quiet", "--store", killed, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
	}
	if out, err := exec.Command(bin, "load", "--quiet", "--store", killed, corpus).CombinedOutput(); err != nil {
		t.Fatalf("resumed load: %v\n%s", err, out)
	}
	if got := export(killed); !bytes.Equal(got, want) {
		t.Fatalf("after kill and resume the export differs from a clean run: %d vs %d bytes", len(got), len(want))
	}
}

// TestInterruptStopsCleanly sends SIGINT mid-load: kg stops at an article
// boundary, says how to resume, exits non-zero, and the resumed load ends
// where a clean one does.
func TestInterruptStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads a generated corpus")
	}
	bin := buildKG(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	if err := writeSynthetic(&env{}, corpus, 120, 3); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "kg.db")
	cmd := exec.Command(bin, "load", "--quiet", "--store", db, corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	_ = cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if err == nil && !bytes.Contains(stderr.Bytes(), []byte("loaded 120")) {
		t.Fatalf("interrupted load exited 0: %s", stderr.String())
	}
	if err != nil && !bytes.Contains(stderr.Bytes(), []byte("run the same command again")) {
		t.Fatalf("no resume hint after interrupt: %s", stderr.String())
	}
	out, err := exec.Command(bin, "load", "--quiet", "--store", db, corpus).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("failed 0")) {
		t.Fatalf("resume: %v %s", err, out)
	}
}

// interruptingStore cancels the load's context in the middle of its first
// batch write and fails that write with the context's error, as a
// PostgreSQL write does when Ctrl-C arrives while it runs.
type interruptingStore struct {
	schema.Store
	cancel context.CancelFunc
}

func (s interruptingStore) PutExtractions(ctx context.Context, xs []*schema.Extraction) ([]schema.PutResult, error) {
	s.cancel()
	return nil, fmt.Errorf("write %d articles: %w", len(xs), ctx.Err())
}

func (s interruptingStore) PutExtraction(ctx context.Context, x *schema.Extraction) (schema.PutResult, error) {
	return schema.PutResult{}, fmt.Errorf("write one article: %w", ctx.Err())
}

// TestInterruptDuringWrite: an interrupt that fails the batch being
// written counts none of its articles as failed (nothing was committed;
// the next run loads them) and ends the load with the context's error.
func TestInterruptDuringWrite(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := graph.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := newPipeline(ctx, interruptingStore{Store: st, cancel: cancel}, nil)
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := writeSynthetic(&env{}, corpus, 10, 1); err != nil {
		t.Fatal(err)
	}
	var failures []error
	sum, err := p.LoadPaths(ctx, []string{corpus}, 2, func(r loadResult) {
		if r.err != nil {
			failures = append(failures, r.err)
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("load error %v, want context.Canceled", err)
	}
	if sum.failed != 0 || len(failures) != 0 || sum.loaded != 0 {
		t.Errorf("summary %+v after an interrupted write, failures %v", sum, failures)
	}
}
