//go:build unix

package eventlog

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// lock takes the advisory write lock of an open log, or says which process
// holds it. The lock lasts until the file is closed or the process ends,
// however it ends.
func lock(f *os.File) error {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return &BusyError{Path: f.Name(), PID: holder(f)}
	}
	return err
}

// BusyError is the refusal to write a log that another writer holds.
type BusyError struct {
	Path string
	PID  int // 0 when it cannot be found
}

func (e *BusyError) Error() string {
	who := "another program"
	if e.PID > 0 {
		who = fmt.Sprintf("process %d", e.PID)
		if cmd := commandLine(e.PID); cmd != "" {
			who += " (" + cmd + ")"
		}
	}
	return fmt.Sprintf("%s is being written by %s; a log has one writer at a time: close that one first", e.Path, who)
}

// holder finds the process that holds the lock of f, from /proc/locks where
// the system has one.
func holder(f *os.File) int {
	st, err := f.Stat()
	if err != nil {
		return 0
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0
	}
	locks, err := os.Open("/proc/locks")
	if err != nil {
		return 0
	}
	defer locks.Close()
	// 1: FLOCK  ADVISORY  WRITE 12345 00:2f:1234567 0 EOF
	suffix := ":" + strconv.FormatUint(uint64(sys.Ino), 10)
	sc := bufio.NewScanner(locks)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[1] != "FLOCK" || !strings.HasSuffix(fields[5], suffix) {
			continue
		}
		if pid, err := strconv.Atoi(fields[4]); err == nil {
			return pid
		}
	}
	return 0
}

// commandLine is a process's command line, shortened, where the system
// shows it.
func commandLine(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(bytes.ReplaceAll(b, []byte{0}, []byte{' '})))
	if i := strings.LastIndexByte(strings.SplitN(s, " ", 2)[0], '/'); i >= 0 {
		s = s[i+1:]
	}
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
