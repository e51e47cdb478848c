//go:build linux

package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// A class survives its server being killed: hotline serve --resume brings
// back every decision, the same join codes and the same host key.
func TestServeSurvivesKillAndResumes(t *testing.T) {
	bin := hotlineBinary(t)
	dir := t.TempDir()
	env := append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"))
	logPath := filepath.Join(dir, "class.jsonl")

	first := startServer(t, bin, env, "serve", "--headless", "--listen", "127.0.0.1:0", "--log", logPath,
		"--scenario", "assistance-request", "--seed", "3")
	var codes struct {
		Teams       map[string]string `json:"teams"`
		Facilitator string            `json:"facilitator"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "class.jsonl.codes"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &codes); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.board, codes.Teams["fbi"]) {
		t.Fatalf("the board does not show the FBI's code %s:\n%s", codes.Teams["fbi"], first.board)
	}

	ana := sshJoin(t, first, codes.Teams["fbi"], "Ana")
	ana.typeText(t, "j")
	ana.waitFor(t, "Your decision")
	ana.typeText(t, "1")
	// Killed the moment the screen says the decision is taken: it is on
	// disk by then.
	ana.waitFor(t, "✓ Decided")
	// The facilitator starts the clock; the server dies with it running.
	lee := sshSeat(t, first, codes.Facilitator, "Mr Lee", "controller's card")
	lee.typeText(t, " ")
	waitForFile(t, logPath, `"clock.resumed"`)
	first.cmd.Process.Signal(syscall.SIGKILL)
	first.cmd.Wait()

	second := startServer(t, bin, env, "serve", "--resume", logPath, "--headless", "--listen", "127.0.0.1:0")
	if second.fingerprint != first.fingerprint {
		t.Errorf("the host key changed across a restart: %s, then %s", first.fingerprint, second.fingerprint)
	}
	if !strings.Contains(second.board, codes.Teams["fbi"]) {
		t.Errorf("the resumed class has new codes:\n%s", second.board)
	}
	back := sshJoin(t, second, codes.Teams["fbi"], "Ana")
	// Nobody was there when it came back: the clock waits for the
	// facilitator, and every screen says so.
	back.waitFor(t, "The story clock is paused until the facilitator starts it.")
	lee = sshSeat(t, second, codes.Facilitator, "Mr Lee", "controller's card")
	lee.waitFor(t, "Press space to start it for everyone.")
	if last := lastLine(t, logPath); !strings.Contains(last, `"clock.paused"`) {
		t.Errorf("the resumed log ends with %s, want the clock paused", last)
	}
	back.typeText(t, "j")
	back.waitFor(t, "Decided: Send China a request")

	second.cmd.Process.Signal(os.Interrupt)
	if err := second.wait(); err != nil {
		t.Errorf("the server ended with %v on Ctrl+C, want a clean exit", err)
	}
}

// server is hotline serve running as a child process.
type server struct {
	cmd         *exec.Cmd
	port        string
	fingerprint string
	board       string

	mu      sync.Mutex
	after   strings.Builder // what it printed after the board
	drained chan struct{}   // closed once all it printed is read
}

// wait waits for the server to exit, having read all it printed: the
// pipe is read to its end before Wait closes it.
func (s *server) wait() error {
	<-s.drained
	return s.cmd.Wait()
}

// printed is what the server printed after its board so far.
func (s *server) printed() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.after.String()
}

var (
	portRe = regexp.MustCompile(`ssh -p (\d+) `)
	keyRe  = regexp.MustCompile(`Host key:\s+(SHA256:\S+)`)
)

// startServer starts the server and reads its board up to the line that
// says it serves.
func startServer(t *testing.T, bin string, env []string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	s := &server{cmd: cmd}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var board strings.Builder
	deadline := time.After(30 * time.Second)
	for !strings.Contains(board.String(), "Serving without a console") {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("the server stopped; it printed:\n%s", board.String())
			}
			board.WriteString(line + "\n")
		case <-deadline:
			t.Fatalf("the server did not start; it printed:\n%s", board.String())
		}
	}
	s.drained = make(chan struct{})
	go func() { // keep reading, so the server never blocks on its output
		defer close(s.drained)
		for line := range lines {
			s.mu.Lock()
			s.after.WriteString(line + "\n")
			s.mu.Unlock()
		}
	}()
	s.board = board.String()
	if m := portRe.FindStringSubmatch(s.board); m != nil {
		s.port = m[1]
	}
	if m := keyRe.FindStringSubmatch(s.board); m != nil {
		s.fingerprint = m[1]
	}
	if s.port == "" || s.fingerprint == "" {
		t.Fatalf("the board lacks the port or the host key:\n%s", s.board)
	}
	return s
}

// sshClient is a student's terminal.
type sshClient struct {
	mu     sync.Mutex // the emulator is drawn on and read at once
	screen *vt.Emulator
	in     io.Writer
}

func (c *sshClient) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.screen.Write(p)
}

func (c *sshClient) text() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.screen.String()
}

// sshJoin connects with a team's code as the user name and types a name.
func sshJoin(t *testing.T, s *server, code, name string) *sshClient {
	t.Helper()
	return sshSeat(t, s, code, name, "(you)")
}

// lastLine is a file's last line.
func lastLine(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	return lines[len(lines)-1]
}

// sshSeat connects with a code as the user name, types a name, and waits
// for the seat's screen to show seated.
func sshSeat(t *testing.T, s *server, code, name, seated string) *sshClient {
	t.Helper()
	c := sshScreen(t, s, code)
	c.waitFor(t, "Name:")
	c.typeText(t, name+"\r")
	c.waitFor(t, seated)
	return c
}

// sshScreen connects with a code as the user name, in a terminal of
// 100×30.
func sshScreen(t *testing.T, s *server, code string) *sshClient {
	t.Helper()
	conn, err := gossh.Dial("tcp", "127.0.0.1:"+s.port, &gossh.ClientConfig{User: code,
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			if got := gossh.FingerprintSHA256(key); got != s.fingerprint {
				t.Errorf("the server's key is %s, the board says %s", got, s.fingerprint)
			}
			return nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	sess, err := conn.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	c := &sshClient{screen: vt.NewEmulator(100, 30)}
	stdout, _ := sess.StdoutPipe()
	stdin, _ := sess.StdinPipe()
	c.in = stdin
	go io.Copy(c, stdout)
	go io.Copy(stdin, c.screen) // the terminal's answers to the program's questions
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.screen.InputPipe().(*io.PipeWriter).Close() })
	return c
}

func (c *sshClient) typeText(t *testing.T, s string) {
	t.Helper()
	if _, err := c.in.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

func (c *sshClient) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(c.text(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("waited for %q; the screen is:\n%s", text, c.text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Each log has its own codes, and a codes file names the log it belongs
// to: a class named cc.jsonl and one named cc never share codes, and a
// resume refuses codes that belong to another log.
func TestTwoLogsNeverShareCodes(t *testing.T) {
	bin := hotlineBinary(t)
	dir := t.TempDir()
	env := append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+filepath.Join(dir, "data"))
	facilitatorCode := regexp.MustCompile(`Facilitator \(keep this one\)\s+(\S+)`)
	serve := func(args ...string) string {
		t.Helper()
		s := startServer(t, bin, env, append([]string{"serve", "--headless", "--listen", "127.0.0.1:0"}, args...)...)
		s.cmd.Process.Signal(os.Interrupt)
		if err := s.wait(); err != nil {
			t.Fatalf("the server ended with %v", err)
		}
		m := facilitatorCode.FindStringSubmatch(s.board)
		if m == nil {
			t.Fatalf("the board has no facilitator's code:\n%s", s.board)
		}
		return m[1]
	}
	first := serve("--log", filepath.Join(dir, "cc.jsonl"))
	second := serve("--log", filepath.Join(dir, "cc"))
	if first == second {
		t.Fatal("two classes were given the same facilitator's code")
	}
	if again := serve("--resume", filepath.Join(dir, "cc.jsonl")); again != first {
		t.Fatalf("cc.jsonl resumed with the facilitator's code %s; its own is %s", again, first)
	}

	// The other class's codes put beside this log are refused.
	other, err := os.ReadFile(filepath.Join(dir, "cc.codes")) // the class logged in cc
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cc.jsonl.codes"), other, 0o600); err != nil {
		t.Fatal(err)
	}
	resume := exec.Command(bin, "serve", "--headless", "--listen", "127.0.0.1:0", "--resume", filepath.Join(dir, "cc.jsonl"))
	resume.Env = env
	out, err := resume.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cc.jsonl.codes holds the join codes of another log (cc), not of cc.jsonl") {
		t.Fatalf("resuming on another log's codes gave %v:\n%s", err, out)
	}
}

// The board names addresses students can reach: the one served on, or the
// machine's own, never loopback or link-local ones.
func TestTheBoardNamesAddressesStudentsReach(t *testing.T) {
	if got := joinHosts(&net.TCPAddr{IP: net.ParseIP("10.1.2.3"), Port: 2222}); len(got) != 1 || got[0] != "10.1.2.3" {
		t.Errorf("served on 10.1.2.3, the board says %v", got)
	}
	for _, h := range joinHosts(&net.TCPAddr{IP: net.IPv4zero, Port: 2222}) {
		ip := net.ParseIP(h)
		if ip == nil {
			if ifaddrs, _ := net.InterfaceAddrs(); len(ifaddrs) > 1 {
				t.Errorf("the board names the host %q, though the machine has addresses %v", h, ifaddrs)
			}
			continue
		}
		if ip.IsLoopback() || ip.IsLinkLocalUnicast() {
			t.Errorf("the board names %s, which no other machine reaches", h)
		}
	}
}

// A room's settings kept in a file are read as if typed, a flag typed
// beside them wins, and every mistake in the file is said at once with its
// place.
func TestServeReadsItsSettingsFromAFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cmd := serveCommand()
	if err := cmd.ParseFlags([]string{"--tables", "3"}); err != nil {
		t.Fatal(err)
	}
	good := write("room.yaml", "# week 7\nscenario: assistance-request\ntables: 2\nwait: 5m\nheadless: true\n")
	if err := readServeConfig(cmd, good); err != nil {
		t.Fatal(err)
	}
	for flag, want := range map[string]string{"scenario": "assistance-request", "tables": "3", "wait": "5m", "headless": "true"} {
		if got := cmd.Flags().Lookup(flag).Value.String(); got != want {
			t.Errorf("--%s is %q, want %q", flag, got, want)
		}
	}

	bad := write("bad.yaml", "tabels: 3\ntables: x\nwait: [3m]\n")
	err := readServeConfig(serveCommand(), bad)
	if err == nil {
		t.Fatal("a file of wrong settings was taken")
	}
	for _, want := range []string{
		bad + `:1:1: error: "tabels" is not a setting; the settings are scenario, tables`,
		bad + `:2:9: error: tables takes a whole number, not "x"`,
		bad + `:3:7: error: wait takes one value, like wait: 3m`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q:\n%v", want, err)
		}
	}
}
