//go:build !unix

package eventlog

import "os"

// lock is a no-op where the system has no flock: there, nothing stops two
// programs writing one log, and the one writer is the user's to keep.
func lock(*os.File) error { return nil }
