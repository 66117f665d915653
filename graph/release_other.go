//go:build !linux

package graph

// releaseMapped is a no-op where /proc/self/maps does not exist.
func releaseMapped(string) {}
