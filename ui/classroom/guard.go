package classroom

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// What a connection may cost the server before it has typed a right code,
// and how fast it may guess. Each bound is on the guesser's own session, or
// on all of them together; none keeps a right code out.
const (
	// A session's join screen is drawn at most this large until it has a
	// right code: its screen's buffers are most of what a session at the
	// prompt costs (about 1 MB at this size, 23 MB at 500×200).
	joinWidth, joinHeight = 100, 30
	// A session is at the join screen for at most this long: to type the
	// code, and again to type a name.
	joinTimeout = 5 * time.Minute
	// Sessions without a right code, from one address and in all. A class
	// behind one school address joins together.
	maxJoiningPerAddress, maxJoining = 40, 64
	// Environment variables a session keeps (the client's locale and
	// colours are all the program reads), and their largest size.
	maxEnv, maxEnvBytes = 16, 256
	// Wrong codes a session may type before it is closed.
	triesPerSession = 5
	// Wrong codes the whole server answers with another try: one a second
	// on average, in bursts of a room mistyping at once. Past that, a wrong
	// code closes its session at once.
	wrongPerSecond, wrongBurst = 1, 100
	// Sessions without a right code one address may open: a lecture hall
	// of 300 behind one school address at once, then a hall's worth a
	// minute, so that a hall told to join, or to join again after the
	// network failed, is in within a minute. Each such session is one
	// guess once the server's wrong codes are past their ceiling, so an
	// address guesses at most about six times a second (see
	// docs/threat-model.md).
	joinBurst, joinsPerSecond = 300, 5
	// Addresses whose rate is kept; past it, those that have used none of
	// their burst are forgotten first.
	maxAddresses = 4096
)

// pauseAfter is how long a session waits, after its nth wrong code, before
// its next code is looked at: 1 s, 2 s, 4 s, 8 s.
func pauseAfter(n int) time.Duration { return time.Second << min(max(n-1, 0), 10) }

// guard keeps the count of sessions at the join screen and of the wrong
// codes typed in all.
type guard struct {
	now   func() time.Time
	wrong *rate.Limiter

	mu      sync.Mutex
	byAddr  map[string]int
	joining int
	tickets map[*ticket]struct{}
}

func newGuard(now func() time.Time) *guard {
	return &guard{now: now, wrong: rate.NewLimiter(wrongPerSecond, wrongBurst),
		byAddr: map[string]int{}, tickets: map[*ticket]struct{}{}}
}

// ticket is a session's time at the join screen, from its channel's
// opening until it is seated or gone.
type ticket struct {
	g     *guard
	addr  string
	coded bool      // it has a right code, and no longer counts as joining
	until time.Time // when the join screen closes
	done  bool
	// expire ends the session when its time is up: at first by closing
	// its channel, once its program runs by telling the program.
	expire func()
}

// open gives a new session its ticket, or says why there is no room for
// it: a session without a right code counts against its address and all.
func (g *guard) open(addr string, coded bool) (*ticket, string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !coded {
		switch {
		case g.byAddr[addr] >= maxJoiningPerAddress:
			return nil, fmt.Sprintf("%d people from your address are typing a code already: wait a minute, or join with the code as the user name (ssh -p PORT CODE@HOST, as on the board)", maxJoiningPerAddress)
		case g.joining >= maxJoining:
			return nil, "too many people are typing a code at once: wait a minute, or join with the code as the user name (ssh -p PORT CODE@HOST, as on the board)"
		}
		g.byAddr[addr]++
		g.joining++
	}
	t := &ticket{g: g, addr: addr, coded: coded, until: g.now().Add(joinTimeout), expire: func() {}}
	g.tickets[t] = struct{}{}
	return t, ""
}

// release gives up the ticket's place among the sessions without a right
// code; the caller holds the lock.
func (t *ticket) release() {
	if t.coded {
		return
	}
	t.coded = true
	g := t.g
	if g.byAddr[t.addr]--; g.byAddr[t.addr] <= 0 {
		delete(g.byAddr, t.addr)
	}
	g.joining--
}

// gotCode notes a right code: the session no longer counts as joining, and
// has the join screen's time again to type a name.
func (t *ticket) gotCode() {
	if t == nil {
		return
	}
	t.g.mu.Lock()
	defer t.g.mu.Unlock()
	t.release()
	t.until = t.g.now().Add(joinTimeout)
}

// close ends the ticket: the session is seated, or gone.
func (t *ticket) close() {
	if t == nil {
		return
	}
	t.g.mu.Lock()
	defer t.g.mu.Unlock()
	t.release()
	t.done = true
	delete(t.g.tickets, t)
}

// onExpiry sets how the session ends when its time is up.
func (t *ticket) onExpiry(f func()) {
	t.g.mu.Lock()
	defer t.g.mu.Unlock()
	t.expire = f
}

// expired reports whether the join screen's time is up.
func (t *ticket) expired() bool {
	if t == nil {
		return false
	}
	t.g.mu.Lock()
	defer t.g.mu.Unlock()
	return !t.done && !t.g.now().Before(t.until)
}

// sweep ends the sessions whose time at the join screen is up.
func (g *guard) sweep() {
	g.mu.Lock()
	now := g.now()
	var ends []func()
	for t := range g.tickets {
		if !now.Before(t.until) {
			ends = append(ends, t.expire)
		}
	}
	g.mu.Unlock()
	for _, end := range ends {
		end()
	}
}

// wrongCode counts a wrong code against the server's ceiling, and reports
// whether the session may try again.
func (g *guard) wrongCode() bool { return g.wrong.AllowN(g.now(), 1) }

// joins is how fast each address opens sessions without a right code, on
// the server's clock.
type joins struct {
	now func() time.Time
	mu  sync.Mutex
	by  map[string]*rate.Limiter
}

func newJoins(now func() time.Time) *joins {
	return &joins{now: now, by: map[string]*rate.Limiter{}}
}

// allow counts a new session from an address, and reports whether the
// address may open it now.
func (j *joins) allow(addr string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.now()
	lim, ok := j.by[addr]
	if !ok {
		if len(j.by) >= maxAddresses {
			j.forget(now)
		}
		lim = rate.NewLimiter(joinsPerSecond, joinBurst)
		j.by[addr] = lim
	}
	return lim.AllowN(now, 1)
}

// forget drops the addresses that have their whole burst again, which a
// new limiter would give them; if none has, one of the others. The caller
// holds the lock.
func (j *joins) forget(now time.Time) {
	for addr, lim := range j.by {
		if lim.TokensAt(now) >= joinBurst {
			delete(j.by, addr)
		}
	}
	for addr := range j.by {
		if len(j.by) < maxAddresses {
			return
		}
		delete(j.by, addr)
	}
}

// ticketKey finds a connection's session ticket in its context: a
// connection has one session at a time.
type ticketKey struct{}

// openChannels counts a connection's session channels, in its context.
type openChannels struct{}

// sessionChannel opens a connection's session: one at a time (each is a
// terminal and a seat), with a ticket to the join screen, and with its
// requests filtered before the SSH library sees them.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	open, _ := ctx.Value(openChannels{}).(*atomic.Int32)
	if open == nil || open.Add(1) > 1 {
		if open != nil {
			open.Add(-1)
		}
		nc.Reject(gossh.ResourceShortage, "a class's server gives one terminal a connection: connect again for another")
		return
	}
	defer open.Add(-1)
	_, coded := s.lookup(conn.User())
	t, why := s.guard.open(addressOf(conn.RemoteAddr()), coded)
	if why != "" {
		nc.Reject(gossh.ResourceShortage, why)
		return
	}
	defer t.close()
	ctx.SetValue(ticketKey{}, t)
	ssh.DefaultSessionHandler(srv, conn, filtered{nc, t}, ctx)
}

// filtered is a session channel whose requests pass a filter first.
type filtered struct {
	gossh.NewChannel
	t *ticket
}

func (f filtered) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	f.t.onExpiry(func() {
		fmt.Fprintln(ch.Stderr(), "hotline: no terminal was started: connect with ssh alone")
		ch.Close()
	})
	d := drain(ch)
	out := make(chan *gossh.Request)
	go filterRequests(reqs, out, d)
	return d, out, nil
}

// filterRequests passes a session's requests on, but for the environment
// variables past the first few small ones, which it refuses: the library
// would keep every one, however many and however large. The shell's
// request ends the draining of what was sent before it.
func filterRequests(in <-chan *gossh.Request, out chan<- *gossh.Request, d *drained) {
	defer close(out)
	env := 0
	for req := range in {
		switch req.Type {
		case "env":
			if env >= maxEnv || len(req.Payload) > maxEnvBytes {
				req.Reply(false, nil)
				continue
			}
			env++
		case "shell", "exec", "subsystem":
			d.start()
		}
		out <- req
	}
}

// drained is a session channel whose input is thrown away until its shell
// starts: nothing reads it before, and the SSH library would keep up to its
// window (2 MB) of it.
type drained struct {
	gossh.Channel
	mu      sync.Mutex
	started bool
	carry   []byte // read after the start: the session's
	err     error  // the channel's, if it ended while drained
	done    chan struct{}
	once    sync.Once
	rest    io.Reader
}

func drain(ch gossh.Channel) *drained {
	d := &drained{Channel: ch, done: make(chan struct{})}
	go func() {
		defer close(d.done)
		buf := make([]byte, 4096)
		for {
			n, err := ch.Read(buf)
			d.mu.Lock()
			started := d.started
			d.mu.Unlock()
			if started {
				d.carry = append(d.carry, buf[:n]...)
			}
			if started || err != nil {
				d.err = err
				return
			}
		}
	}()
	return d
}

// start ends the draining: what is read from now on is the session's.
func (d *drained) start() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.started = true
}

// Read reads the session's input: once the drainer has stopped, what it
// read after the start, then the channel.
func (d *drained) Read(p []byte) (int, error) {
	d.once.Do(func() {
		<-d.done
		var then io.Reader = d.Channel
		if d.err != nil {
			then = failed{d.err}
		}
		d.rest = io.MultiReader(bytes.NewReader(d.carry), then)
	})
	return d.rest.Read(p)
}

// failed is a reader that has met its error.
type failed struct{ err error }

func (f failed) Read([]byte) (int, error) { return 0, f.err }

// window is a session as its program sees it: the terminal's size capped
// at 500×200, and at the join screen's until a right code is typed. A
// change that leaves that size as it was is no news to the program, and
// the changes of a flood are folded into the last.
type window struct {
	ssh.Session
	mu     sync.Mutex
	size   ssh.Window // the client's, capped at maxWidth×maxHeight
	atJoin bool       // capped at the join screen's size
	sent   ssh.Window // the size the program last heard of
	out    chan ssh.Window
}

// newWindow starts passing a session's size changes to its program.
func newWindow(sess ssh.Session, joining bool) *window {
	w := &window{Session: sess, atJoin: joining, out: make(chan ssh.Window, 1)}
	pty, changes, _ := sess.Pty()
	w.size = capWindow(pty.Window, maxWidth, maxHeight)
	w.sent = w.shown()
	go func() {
		for c := range changes {
			w.mu.Lock()
			w.size = capWindow(c, maxWidth, maxHeight)
			w.send()
			w.mu.Unlock()
		}
	}()
	return w
}

// Pty is the session's terminal, at the size the program may draw.
func (w *window) Pty() (ssh.Pty, <-chan ssh.Window, bool) {
	pty, _, ok := w.Session.Pty()
	w.mu.Lock()
	pty.Window = w.shown()
	w.mu.Unlock()
	return pty, w.out, ok
}

// joined lets the program draw at the terminal's own size: a right code
// was typed.
func (w *window) joined() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.atJoin {
		w.atJoin = false
		w.send()
	}
}

// shown is the size the program may draw at; the caller holds the lock.
func (w *window) shown() ssh.Window {
	if w.atJoin {
		return capWindow(w.size, joinWidth, joinHeight)
	}
	return w.size
}

// send passes the size on if it changed, in place of one not yet taken:
// only the last size matters. The caller holds the lock.
func (w *window) send() {
	shown := w.shown()
	if shown.Width == w.sent.Width && shown.Height == w.sent.Height {
		return
	}
	w.sent = shown
	select {
	case <-w.out:
	default:
	}
	w.out <- shown
}

func capWindow(win ssh.Window, width, height int) ssh.Window {
	win.Width, win.Height = min(win.Width, width), min(win.Height, height)
	return win
}

// addressOf is the IP address of a remote end, without its port.
func addressOf(a net.Addr) string {
	if a, ok := a.(*net.TCPAddr); ok {
		return a.IP.String()
	}
	return a.String()
}
