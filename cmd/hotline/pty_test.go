//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// These tests run the real binary in a pseudo-terminal, as a player's
// terminal would: they build it once, start it, type, and read the screen.

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// hotlineBinary builds the command once per test run.
func hotlineBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hotline-bin")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "hotline")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// session is the binary running in a pseudo-terminal.
type session struct {
	cmd    *exec.Cmd
	master *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	read   int
	done   chan struct{}
}

// startInPTY runs the binary with args in a w × h pseudo-terminal.
func startInPTY(t testing.TB, env []string, w, h int, args ...string) *session {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: uint16(h), Col: uint16(w)}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(hotlineBinary(t), args...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color"), env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	s := &session{cmd: cmd, master: master, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
	})
	return s
}

// waitFor waits until the program has written text since the last wait.
func (s *session) waitFor(t testing.TB, text string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s.mu.Lock()
		i := bytes.Index(s.out.Bytes()[s.read:], []byte(text))
		if i >= 0 {
			s.read += i + len(text)
		}
		s.mu.Unlock()
		if i >= 0 {
			return
		}
		if time.Now().After(deadline) {
			s.mu.Lock()
			defer s.mu.Unlock()
			t.Fatalf("the screen never showed %q; it showed:\n%q", text, s.out.String())
		}
		select {
		case <-s.done:
			t.Fatalf("the program ended before showing %q: %q", text, s.out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func (s *session) typeKeys(t testing.TB, keys string) {
	t.Helper()
	if _, err := s.master.Write([]byte(keys)); err != nil {
		t.Fatal(err)
	}
}

// output is everything written so far.
func (s *session) output() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.out.Bytes())
}

// waitExit waits for the program to end on its own.
func (s *session) waitExit(t testing.TB) {
	t.Helper()
	select {
	case <-s.done:
		s.cmd.Wait()
	case <-time.After(20 * time.Second):
		t.Fatalf("the program did not exit; it showed:\n%q", s.output())
	}
}

// waitForFile waits until the file holds text: the program writes its log
// on its own schedule, so the test waits for the event, not for time.
func waitForFile(t testing.TB, path, text string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		b, _ := os.ReadFile(path)
		if bytes.Contains(b, []byte(text)) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never held %q; it held:\n%s", path, text, b)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
