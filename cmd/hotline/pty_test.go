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

// built is a program built once per test run.
type built struct {
	once sync.Once
	name string
	pkg  string // what go build builds
	path string
	err  error
}

func (b *built) binary(t testing.TB) string {
	t.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "hotline-bin")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, b.name)
		out, err := exec.Command("go", "build", "-o", b.path, b.pkg).CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

var hotlineBuild, bare = &built{name: "hotline", pkg: "."}, &built{name: "bare", pkg: "./testdata/bare"}

// hotlineBinary builds the command once per test run.
func hotlineBinary(t testing.TB) string { return hotlineBuild.binary(t) }

// session is the binary running in a pseudo-terminal.
type session struct {
	cmd    *exec.Cmd
	master *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	read   int
	news   chan struct{} // the program wrote something
	done   chan struct{}
}

// startInPTY runs the command with args in a w × h pseudo-terminal.
func startInPTY(t testing.TB, env []string, w, h int, args ...string) *session {
	t.Helper()
	return startProgram(t, hotlineBinary(t), env, w, h, args...)
}

// startProgram runs a program with args in a w × h pseudo-terminal.
func startProgram(t testing.TB, program string, env []string, w, h int, args ...string) *session {
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
	cmd := exec.Command(program, args...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color"), env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	s := &session{cmd: cmd, master: master, news: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			select {
			case s.news <- struct{}{}:
			default:
			}
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
// It wakes on each write, so that the time it returns at is the time the
// text arrived.
func (s *session) waitFor(t testing.TB, text string) {
	t.Helper()
	deadline := time.NewTimer(20 * time.Second)
	defer deadline.Stop()
	for ended := false; ; {
		s.mu.Lock()
		i := bytes.Index(s.out.Bytes()[s.read:], []byte(text))
		if i >= 0 {
			s.read += i + len(text)
		}
		s.mu.Unlock()
		switch {
		case i >= 0:
			return
		case ended:
			t.Fatalf("the program ended before showing %q: %q", text, s.output())
		}
		select {
		case <-s.news:
		case <-s.done:
			ended = true // look once more at what it wrote last
		case <-deadline.C:
			t.Fatalf("the screen never showed %q; it showed:\n%q", text, s.output())
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
