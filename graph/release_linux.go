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

// fileResident reads how much of this process's resident memory is
// file-backed (the "shared" column of /proc/self/statm, in bytes): the
// store's mapped pages plus the binary's own text.
func fileResident() (int64, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return 0, false
	}
	pages, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}

// mappedBudget is how much of the store file may stay resident before
// ReleaseResident drops it: enough to keep a batch's hot B-tree pages
// mapped between two drops, small beside the 1 GiB a 100k-article load
// is allowed.
const mappedBudget = 96 << 20

// ReleaseResident bounds how much of the store file counts in this
// process's resident memory, until ctx ends. Every interval it reads the
// file-backed part of the resident set (one small read of
// /proc/self/statm) and drops the store's mapped pages when that part has
// grown by more than mappedBudget, and so does a write every few hundred
// key-value operations (hookKV.tick), so the bound holds also in the middle
// of a write: a bulk load's batch reads index pages all over a multi-gigabyte
// file, and the kernel maps cached neighbours with every page it faults in
// (fault-around; observed here despite bbolt's MADV_RANDOM), so a 200 ms
// timer alone let a single batch add 600 MiB. Safe while bbolt reads: the mapping is
// read-only and shared, so a dropped page is faulted back from the page
// cache, not the disk. A no-op on other backends.
func (s *Store) ReleaseResident(ctx context.Context, interval time.Duration) {
	if s.mapped == "" {
		return
	}
	// What the file-backed part holds besides the store: measured with
	// the store's pages dropped.
	releaseMapped(s.mapped)
	base, ok := fileResident()
	if !ok {
		return
	}
	check := func() {
		if n, ok := fileResident(); ok && n-base > mappedBudget {
			releaseMapped(s.mapped)
		}
	}
	if s.hook != nil {
		s.hook.mu.Lock()
		s.hook.tick = check
		s.hook.mu.Unlock()
	}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				if s.hook != nil {
					s.hook.mu.Lock()
					s.hook.tick = nil
					s.hook.mu.Unlock()
				}
				return
			case <-t.C:
				check()
			}
		}
	}()
}
