//go:build !linux

package graph

import (
	"context"
	"time"
)

// releaseMapped is a no-op where /proc/self/maps does not exist.
func releaseMapped(string) {}

// ReleaseResident is a no-op where /proc/self/maps does not exist.
func (s *Store) ReleaseResident(context.Context, time.Duration) {}
