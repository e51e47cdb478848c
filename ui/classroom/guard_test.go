package classroom

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// These tests attack the server before any code is typed: wrong codes,
// floods of requests, sessions left at the prompt. Memory is measured from
// the heap (server and clients share this process; the clients here keep
// little), never from how long anything takes.

// typeCode types a code at the prompt and waits for the screen's answer.
func (cl *client) typeCode(code, answer string) {
	cl.t.Helper()
	cl.typeText("\x15" + code + "\r") // ctrl+u clears what a wait left
	cl.waitFor(answer)
}

// Wrong codes never keep a right one out: after eight from the room's one
// address, a student with the right code gets in at once, typed at the
// prompt or given as the user name.
func TestWrongCodesNeverKeepOutARightCode(t *testing.T) {
	c := newClass(t, "assistance-request")
	for i := range 8 {
		cl := c.dial(fmt.Sprintf("zzzzz-zzzz%d", i+2), 100, 30) // a wrong code as the user name
		cl.waitUntil("the wrong code answered", func(s string) bool {
			return strings.Contains(s, "not one of this class's codes") || strings.Contains(cl.stderr.String(), "hotline:")
		})
	}
	ana := c.dial("ana", 100, 30)
	ana.waitFor("Code:")
	ana.typeCode(c.codes.Teams["fbi"], "You join Federal Bureau of Investigation")
	ben := c.dial(c.codes.Teams["dhs"], 100, 30)
	ben.waitFor("You join Department of Homeland Security")
}

// A wrong code slows its own session: the next code is looked at only
// after a pause that doubles (an earlier try is not counted), and the
// fifth wrong code closes the session. A right code after the pause gets
// in.
func TestWrongCodesSlowTheirOwnSession(t *testing.T) {
	c := newClass(t, "assistance-request")
	cl := c.dial("student", 100, 30)
	cl.waitFor("Code:")
	cl.typeCode("zzzzz-zzzzz", "not one of this class's codes")
	cl.typeCode(c.codes.Teams["fbi"], "Wait 1 second before the next try")
	c.clock.Add(time.Second)
	cl.typeCode(c.codes.Teams["fbi"], "You join Federal Bureau of Investigation")

	slow := c.dial("student", 100, 30)
	slow.waitFor("Code:")
	for n := 1; n < triesPerSession; n++ {
		slow.typeCode("zzzzz-zzzzz", "not one of this class's codes")
		slow.typeCode("zzzzz-zzzzz", fmt.Sprintf("Wait %s before the next try", seconds(pauseAfter(n))))
		c.clock.Add(pauseAfter(n))
	}
	slow.typeText("\x15zzzzz-zzzzz\r")
	slow.waitEnd()
	if got := slow.stderr.String(); got != "hotline: 5 wrong codes: check the code on the board, then connect again.\r\n" {
		t.Fatalf("the fifth wrong code is told %q", got)
	}
	// Another connection from the same address starts afresh.
	again := c.dial("student", 100, 30)
	again.waitFor("Code:")
	again.typeCode(c.codes.Observer, "You join the room as observer")
}

// Past the server's ceiling on wrong codes, a wrong code closes its
// session at once; right codes still get in.
func TestTheServerCeilingOnWrongCodes(t *testing.T) {
	c := newClass(t, "assistance-request")
	c.srv.guard.wrong = rate.NewLimiter(0, 3) // three wrong codes, then none
	for range 3 {
		cl := c.dial("zzzzz-zzzzz", 100, 30)
		cl.waitFor("not one of this class's codes")
	}
	cl := c.dial("zzzzz-zzzzz", 100, 30)
	cl.waitEnd()
	if got := cl.stderr.String(); !strings.HasPrefix(got, "hotline: this class's server is getting too many wrong codes") {
		t.Fatalf("past the ceiling a wrong code is told %q", got)
	}
	ana := c.dial("ana", 100, 30)
	ana.waitFor("Code:")
	ana.typeCode(c.codes.Teams["fbi"], "You join Federal Bureau of Investigation")
}

// The join screen closes after five minutes without a code, and after five
// more without a name once a right code is typed.
func TestTheJoinScreenTimesOut(t *testing.T) {
	c := newClass(t, "assistance-request")
	idle := c.dial("student", 100, 30)
	idle.waitFor("Code:")
	named := c.dial("student", 100, 30)
	named.waitFor("Code:")
	c.clock.Add(joinTimeout - time.Minute)
	named.typeCode(c.codes.Teams["fbi"], "Name:")
	c.clock.Add(time.Minute)
	idle.waitEnd()
	if got := idle.stderr.String(); got != "hotline: the join screen closes after 5 minutes without a code: connect again when you have it.\r\n" {
		t.Fatalf("a session left at the prompt is told %q", got)
	}
	if strings.Contains(named.stderr.String(), "hotline:") {
		t.Fatalf("a session with a right code was ended: %q", named.stderr.String())
	}
	c.clock.Add(joinTimeout)
	named.waitEnd()
	if got := named.stderr.String(); !strings.Contains(got, "without a name") {
		t.Fatalf("a session left at the name is told %q", got)
	}
	// A seated student has all the time there is.
	ana := c.join(c.codes.Teams["dhs"], "Ana")
	c.clock.Add(2 * joinTimeout)
	c.srv.guard.sweep()
	ana.typeText("j")
	ana.waitFor("DHS (you): Ana")
}

// connectFrom opens an SSH session from a loopback address of its own, as
// a second machine would.
func (c *class) connectFrom(local, user string) (*gossh.Client, *gossh.Session, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}}
	nc, err := d.Dial("tcp", c.addr)
	if err != nil {
		return nil, nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(nc, c.addr, &gossh.ClientConfig{User: user, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return nil, nil, err
	}
	conn := gossh.NewClient(cc, chans, reqs)
	c.t.Cleanup(func() { conn.Close() })
	sess, err := conn.NewSession()
	return conn, sess, err
}

// Sessions without a right code are counted, from each address and in
// all: past either bound a new one is refused, saying why, while a right
// code as the user name still gets in; each connection has one session.
func TestSessionsWithoutACodeAreCapped(t *testing.T) {
	c := newClass(t, "assistance-request")
	refused := func(local, user, why string) {
		t.Helper()
		_, _, err := c.connectFrom(local, user)
		var open *gossh.OpenChannelError
		if !errors.As(err, &open) || !strings.Contains(open.Message, why) {
			t.Fatalf("a session from %s as %s: %v, want it refused with %q", local, user, err, why)
		}
	}
	for range maxJoiningPerAddress {
		if _, _, err := c.connectFrom("127.0.0.1", "student"); err != nil {
			t.Fatal(err)
		}
	}
	refused("127.0.0.1", "student", "40 people from your address are typing a code already")
	ana := c.dial(c.codes.Teams["fbi"], 100, 30)
	ana.waitFor("You join Federal Bureau of Investigation")
	for range maxJoining - maxJoiningPerAddress {
		if _, _, err := c.connectFrom("127.0.0.2", "student"); err != nil {
			t.Fatal(err)
		}
	}
	refused("127.0.0.3", "student", "too many people are typing a code at once")
	if _, _, err := c.connectFrom("127.0.0.3", c.codes.Observer); err != nil {
		t.Fatalf("a right code was refused while the join screen was full: %v", err)
	}

	conn, _, err := c.connectFrom("127.0.0.4", c.codes.Observer)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.NewSession()
	var open *gossh.OpenChannelError
	if !errors.As(err, &open) || !strings.Contains(open.Message, "one terminal a connection") {
		t.Fatalf("a second session on one connection: %v", err)
	}
}

// growth runs f and returns how much the heap grew, with whatever f made
// still held.
func growth(f func()) float64 {
	before := heapInUse()
	f()
	return float64(int64(heapInUse())-int64(before)) / (1 << 20)
}

// A flood of environment variables before the shell costs the server
// nothing: past the first few small ones they are refused, not kept.
func TestAnEnvironmentFloodIsNotKept(t *testing.T) {
	c := newClass(t, "assistance-request")
	cl := c.connect("student")
	value := strings.Repeat("x", 100<<10)
	grew := growth(func() {
		for i := range 500 { // 50 MB
			payload := gossh.Marshal(struct{ Name, Value string }{fmt.Sprintf("V%d", i), value})
			if _, err := cl.sess.SendRequest("env", true, payload); err != nil {
				t.Fatal(err)
			}
		}
	})
	if grew > 8 {
		t.Errorf("500 variables of 100 KB grew the heap by %.0f MB", grew)
	}
	// The few small ones a client sends are kept, for its colours.
	if err := cl.sess.Setenv("COLORTERM", "truecolor"); err != nil {
		t.Errorf("a small variable was refused: %v", err)
	}
}

// boxAt waits until the join screen's box starts at column col: the
// program has drawn at the size that puts it there.
func (cl *client) boxAt(col int) {
	cl.t.Helper()
	cl.waitUntil(fmt.Sprintf("the join screen drawn with its box at column %d", col), func(s string) bool {
		for _, line := range strings.Split(s, "\n") {
			if i := strings.Index(line, "╭"); i >= 0 {
				return len([]rune(line[:i])) == col
			}
		}
		return false
	})
}

// A window grown past any screen is drawn at the join screen's size until
// a right code is typed, and at 500×200 after: a window change is capped
// as the first size is.
func TestAWindowChangeIsCapped(t *testing.T) {
	c := newClass(t, "assistance-request")
	const boxWidth = 70 // its border included
	cl := c.dialScreen("student", 80, 24, joinWidth, joinHeight)
	cl.boxAt((80 - boxWidth) / 2)
	grew := growth(func() {
		if err := cl.sess.WindowChange(256, 4096); err != nil {
			t.Fatal(err)
		}
		cl.boxAt((joinWidth - boxWidth) / 2)
	})
	if grew > 4 {
		t.Errorf("a window change to 4096×256 at the join screen grew the heap by %.0f MB", grew)
	}

	big := c.dialScreen(c.codes.Teams["fbi"], 80, 24, maxWidth, maxHeight)
	big.waitFor("Name:")
	grew = growth(func() {
		if err := big.sess.WindowChange(256, 4096); err != nil {
			t.Fatal(err)
		}
		big.boxAt((maxWidth - boxWidth) / 2)
	})
	if grew > 40 {
		t.Errorf("a window change to 4096×256 with a right code grew the heap by %.0f MB", grew)
	}
}

// Sessions left at the prompt cost little each, whatever their terminal's
// size.
func TestASessionAtThePromptCostsLittle(t *testing.T) {
	c := newClass(t, "assistance-request")
	const n = 8
	grew := growth(func() {
		for range n {
			c.atPrompt(maxWidth, maxHeight)
		}
	})
	if per := grew / n; per > 2.5 {
		t.Errorf("a session at the prompt in a 500×200 terminal costs %.1f MB", per)
	}
}

// atPrompt connects with a terminal of w × h and no screen (a screen would
// cost this process more than the server), and returns once the server
// asks for the code.
func (c *class) atPrompt(w, h int) {
	c.t.Helper()
	cl := c.connect("student")
	if err := cl.sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		c.t.Fatal(err)
	}
	out, err := cl.sess.StdoutPipe()
	if err != nil {
		c.t.Fatal(err)
	}
	if err := cl.sess.Shell(); err != nil {
		c.t.Fatal(err)
	}
	var seen []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(seen, []byte("Code:")) {
		n, err := out.Read(buf)
		if err != nil {
			c.t.Fatalf("the prompt never came: %v", err)
		}
		seen = append(seen[max(0, len(seen)-8):], buf[:n]...)
	}
	go io.Copy(io.Discard, out)
}

// What a client sends before its terminal starts is thrown away, not kept:
// the SSH library would keep up to 2 MB of it for each session. The
// terminal, once started, reads what is typed as ever.
func TestInputBeforeTheTerminalIsNotKept(t *testing.T) {
	c := newClass(t, "assistance-request")
	const n = 8
	var clients []*client
	grew := growth(func() {
		for range n {
			cl := c.connect("student")
			in, err := cl.sess.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			cl.in = in
			chunk := make([]byte, 32<<10)
			for range 64 { // the whole window
				if _, err := in.Write(chunk); err != nil {
					t.Fatal(err)
				}
			}
			// Answered in order: the server has taken the data by then.
			if _, err := cl.sess.SendRequest("env", true, gossh.Marshal(struct{ Name, Value string }{"LANG", "C"})); err != nil {
				t.Fatal(err)
			}
			clients = append(clients, cl)
		}
	})
	if per := grew / n; per > 0.5 {
		t.Errorf("2 MB sent before the terminal costs the server %.1f MB a session", per)
	}
	cl := clients[0]
	cl.start(100, 30, 100, 30)
	cl.waitFor("Code:")
	cl.typeCode(c.codes.Teams["fbi"], "You join Federal Bureau of Investigation")
}
