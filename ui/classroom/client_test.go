package classroom

import (
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// These tests run a class's server on loopback and join it with real SSH
// clients, each with a terminal emulator for a screen: they type and read
// the screen as a student would. The story clock never moves by itself.

// class is a served exercise for a test.
type class struct {
	t     testing.TB
	sc    *injects.Scenario
	tb    *table.Table
	srv   *Server
	codes Codes
	addr  string
	clock *fakeClock
}

const host = "Ms Rivera"

func TestMain(m *testing.M) {
	// The SSH library's own messages (a client hanging up) are not the
	// tests' output.
	log.SetDefault(log.New(io.Discard))
	os.Exit(m.Run())
}

func newClass(t testing.TB, id string) *class {
	t.Helper()
	return newClassOn(t, id, table.ManualTicker{})
}

// newClassOn serves a class whose story clock the ticker moves.
func newClassOn(t testing.TB, id string, ticker table.Ticker) *class {
	t.Helper()
	return newClassWith(t, id, table.Config{Ticker: ticker}, Config{})
}

// openClass serves a class at a table set up as pace says (its ticker,
// its log, its waits).
func openClass(t testing.TB, id string, pace table.Config) *class {
	t.Helper()
	return newClassWith(t, id, pace, Config{})
}

// newClassWith serves a class at the table's pace and the server's
// settings given (their clocks are the test's).
func newClassWith(t testing.TB, id string, pace table.Config, serve Config) *class {
	t.Helper()
	c := openTable(t, id, pace)
	serveTables(t, serve, c)
	return c
}

// newHall serves a room of n tables of one scenario on one server, each at
// the pace given.
func newHall(t testing.TB, id string, n int, pace table.Config) []*class {
	t.Helper()
	var tables []*class
	for range n {
		tables = append(tables, openTable(t, id, pace))
	}
	serveTables(t, Config{}, tables...)
	return tables
}

// openTable opens a table of the scenario at the pace given, with bots in
// every team and fresh codes, for a server to serve.
func openTable(t testing.TB, id string, pace table.Config) *class {
	t.Helper()
	sc, diags := injects.LoadBuiltin(id)
	if sc == nil {
		t.Fatal(diags)
	}
	var history []game.Event
	s, err := game.NewClass(sc, 5, host, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{now: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
	pace.Session, pace.History, pace.Now = s, history, clock.Now
	tb := table.Open(pace)
	t.Cleanup(func() { tb.Close() })
	c := &class{t: t, sc: sc, tb: tb, clock: clock}
	for _, team := range sc.Teams {
		c.control(game.Command{Verb: game.SeatBot, Team: team.ID, Profile: sc.Profiles[0].ID})
	}
	if c.codes, err = NewCodes(sc); err != nil {
		t.Fatal(err)
	}
	return c
}

// serveTables serves the tables on one server on loopback, with the
// settings given; the first table's clock is the server's.
func serveTables(t testing.TB, serve Config, tables ...*class) {
	t.Helper()
	for i, c := range tables {
		hostActor, _ := c.tb.Actor(host)
		cl := Class{Table: c.tb, Host: hostActor, Codes: c.codes}
		if len(tables) > 1 {
			cl.Name = fmt.Sprintf("Table %d", i+1)
		}
		serve.Classes = append(serve.Classes, cl)
	}
	serve.HostKeyPath, serve.Now = t.TempDir()+"/key", tables[0].clock.Now
	srv, err := New(serve)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range tables {
		c.srv, c.addr = srv, l.Addr().String()
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Shutdown(t.Context()) })
}

// control makes a command as the facilitator.
func (c *class) control(cmd game.Command) {
	c.t.Helper()
	a, _ := c.tb.Actor(host)
	if _, err := c.tb.Do(a, cmd); err != nil {
		c.t.Fatal(err)
	}
}

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Add(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// client is a student's terminal connected to the class.
type client struct {
	t      testing.TB
	conn   *gossh.Client
	sess   *gossh.Session
	screen *screen
	in     io.Writer
	inMu   sync.Mutex
	stderr *syncBuffer
	ended  chan error
}

// dial connects as user (a code, or any login name) with a terminal of
// w × h.
func (c *class) dial(user string, w, h int) *client {
	c.t.Helper()
	return c.dialScreen(user, w, h, w, h)
}

// dialScreen connects as user, telling the server its terminal is w × h,
// on a screen of screenW × screenH.
func (c *class) dialScreen(user string, w, h, screenW, screenH int) *client {
	c.t.Helper()
	cl := c.connect(user)
	stdin, err := cl.sess.StdinPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	cl.in = stdin
	cl.start(w, h, screenW, screenH)
	return cl
}

// start opens a connected client's terminal of w × h on a screen of
// screenW × screenH.
func (cl *client) start(w, h, screenW, screenH int) {
	cl.t.Helper()
	if err := cl.sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		cl.t.Fatal(err)
	}
	cl.screen = newScreen(screenW, screenH)
	stdout, err := cl.sess.StdoutPipe()
	if err != nil {
		cl.t.Fatal(err)
	}
	stdin := cl.in
	go io.Copy(cl.screen, stdout)
	go func() { // the terminal's answers to the program's questions
		buf := make([]byte, 256)
		for {
			n, err := cl.screen.emu.Read(buf)
			if err != nil {
				return
			}
			cl.inMu.Lock()
			stdin.Write(buf[:n])
			cl.inMu.Unlock()
		}
	}()
	if err := cl.sess.Shell(); err != nil {
		cl.t.Fatal(err)
	}
	go func() { cl.ended <- cl.sess.Wait() }()
	cl.t.Cleanup(cl.screen.close)
}

// connect opens an SSH session without asking for anything yet.
func (c *class) connect(user string) *client {
	c.t.Helper()
	conn, err := gossh.Dial("tcp", c.addr, &gossh.ClientConfig{User: user, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		c.t.Fatal(err)
	}
	sess, err := conn.NewSession()
	if err != nil {
		c.t.Fatal(err)
	}
	cl := &client{t: c.t, conn: conn, sess: sess, stderr: &syncBuffer{}, ended: make(chan error, 1)}
	sess.Stderr = cl.stderr
	c.t.Cleanup(func() { conn.Close() })
	return cl
}

// join connects with a team's code in the user name and types a name.
func (c *class) join(code, name string) *client {
	c.t.Helper()
	cl := c.dial(code, 100, 30)
	cl.waitFor("the name the others will know you by")
	cl.typeText(name + "\r")
	cl.waitFor("(you)")
	return cl
}

// named connects with a code in a terminal of w × h, types a name and
// waits until the seat's screen shows what it should.
func (c *class) named(code, name string, w, h int, shows string) *client {
	c.t.Helper()
	cl := c.dial(code, w, h)
	cl.waitFor("Name:")
	cl.typeText(name + "\r")
	cl.waitFor(shows)
	return cl
}

// watch calls look with the screen at every frame drawn from now on.
func (cl *client) watch(look func(screen string)) {
	cl.screen.mu.Lock()
	defer cl.screen.mu.Unlock()
	cl.screen.drawn = look
}

func (cl *client) typeText(s string) {
	cl.inMu.Lock()
	defer cl.inMu.Unlock()
	if _, err := cl.in.Write([]byte(s)); err != nil {
		cl.t.Fatal(err)
	}
}

// settle is how long a test waits for a screen to show what it expects:
// only a hung server takes it whole.
const settle = 15 * time.Second

// waitFor waits until the screen shows text.
func (cl *client) waitFor(text string) {
	cl.t.Helper()
	cl.waitUntil("the screen to show "+text, func(s string) bool { return strings.Contains(s, text) })
}

// waitGone waits until the screen no longer shows text.
func (cl *client) waitGone(text string) {
	cl.t.Helper()
	cl.waitUntil("the screen to stop showing "+text, func(s string) bool { return !strings.Contains(s, text) })
}

func (cl *client) waitUntil(what string, ok func(screen string) bool) {
	cl.t.Helper()
	deadline := time.Now().Add(settle)
	for !ok(cl.text()) {
		if time.Now().After(deadline) {
			cl.t.Fatalf("waited for %s; the screen is:\n%s", what, cl.text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (cl *client) text() string { return cl.screen.String() }

// screen is a terminal emulator that the client's output draws on while
// the test reads it.
type screen struct {
	mu  sync.Mutex
	emu *vt.Emulator

	want string // text a benchmark waits for, and where to say when it shows
	seen chan time.Time
	// drawn, when set, looks at the screen after each write: at every
	// frame the program drew.
	drawn func(screen string)
}

func newScreen(w, h int) *screen { return &screen{emu: vt.NewEmulator(w, h)} }

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.emu.Write(p)
	if s.want != "" && strings.Contains(s.emu.String(), s.want) {
		s.seen <- time.Now()
		s.want = ""
	}
	if s.drawn != nil {
		s.drawn(s.emu.String())
	}
	return n, err
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.emu.String()
}

func (s *screen) Resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.emu.Resize(w, h)
}

// close ends the emulator's answers, and the goroutine that sends them.
func (s *screen) close() {
	if pw, ok := s.emu.InputPipe().(*io.PipeWriter); ok {
		pw.Close()
	}
}

// waitEnd waits for the server to end the session.
func (cl *client) waitEnd() {
	cl.t.Helper()
	select {
	case <-cl.ended:
	case <-time.After(settle):
		cl.t.Fatalf("the session did not end; the screen is:\n%s", cl.text())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
