package graph

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// releaseMapped drops this process's resident pages of the memory-mapped
// file path (bbolt reads through a read-only shared mapping). The pages stay
// in the kernel's page cache, so the next read is a minor fault, not a disk
// read; what goes is their count in the process's resident memory, which on
// a bulk load of a multi-gigabyte store would otherwise grow to the file's
// size although none of it is memory the process needs.
func releaseMapped(path string) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// "start-end perms offset dev inode path"
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[5] != path || strings.Contains(fields[1], "w") {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, uintptr(start), uintptr(end-start), unix.MADV_DONTNEED)
	}
}

// ReleaseResident drops the store file's resident pages every interval
// until ctx ends, also in the middle of a write: a bulk load's batch reads
// index pages all over a multi-gigabyte file, and without it the process's
// resident memory grows with the file. Safe while bbolt reads: the mapping
// is read-only and shared, so a dropped page is faulted back from the page
// cache. A no-op on other backends.
func (s *Store) ReleaseResident(ctx context.Context, interval time.Duration) {
	if s.mapped == "" {
		return
	}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				releaseMapped(s.mapped)
			}
		}
	}()
}
