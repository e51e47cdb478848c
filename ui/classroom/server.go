// Package classroom serves a class its exercise over SSH: each student's
// terminal is a seat at one table, joined with a code from the board. The
// server decides who sits where; the engine decides what each seat may do,
// and the table decides what happens.
package classroom

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	"charm.land/wish/v2/bubbletea"
	"charm.land/wish/v2/logging"
	"charm.land/wish/v2/recover"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
	"hotline/ui"
)

// Config sets up a class's server.
type Config struct {
	// Classes are the room's tables: one for a class at one table, or
	// several served at once on one port.
	Classes []Class
	// Room is the codes of the room's own seats when it has several
	// tables: the facilitator's console over all of them and the room's
	// projector.
	Room RoomCodes
	// HostKeyPath is the server's key, made on first use and kept, so that
	// students' clients know the server the next day.
	HostKeyPath string
	Log         *log.Logger // where the server says what it does; never the terminal
	// Now reads the wall clock, for the pauses after wrong codes, the
	// join screen's time and how fast an address opens sessions; nil uses
	// time.Now.
	Now func() time.Time
	// Stall is how long a session may leave the table's news untaken
	// before it is dropped: its client has stopped reading. 0 means 10 s.
	Stall time.Duration
	// FPS caps how often a session's screen is drawn; 0 means 30.
	FPS int
}

// Class is one table of the room: its exercise, the facilitator in whose
// name its seats are made, and its codes.
type Class struct {
	Name  string // on the join screen and the board: "Table 2"; "" for a room of one table
	Table *table.Table
	// Host is the facilitator who started the class: the seats are made in
	// their name.
	Host  game.Actor
	Codes Codes
}

// served is a table as the server serves it.
type served struct {
	Class
	sc     *injects.Scenario
	shared *ui.Shared // what the table's screens draw alike
}

// Server is a class's SSH server.
type Server struct {
	cfg     Config
	classes []*served
	ssh     *ssh.Server
	guard   *guard
	joins   *joins
	stop    chan struct{}
	stopped sync.Once

	joinMu sync.Mutex // one join at a time, so two people cannot take one name

	sessions sync.Map // ssh.Session → *session, while its program runs
}

// Limits on what a client may ask for.
const (
	maxWidth, maxHeight = 500, 200 // a terminal larger than any screen costs memory for nothing
	handshakeTimeout    = 20 * time.Second
	keepaliveEvery      = 15 * time.Second
)

// New makes a class's server.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Stall <= 0 {
		cfg.Stall = 10 * time.Second
	}
	if cfg.FPS <= 0 {
		cfg.FPS = 30
	}
	if cfg.Log == nil {
		cfg.Log = log.New(discard{})
	}
	if len(cfg.Classes) == 0 {
		return nil, errors.New("a class's server needs a table")
	}
	s := &Server{cfg: cfg, guard: newGuard(cfg.Now), joins: newJoins(cfg.Now), stop: make(chan struct{})}
	for _, c := range cfg.Classes {
		s.classes = append(s.classes, &served{Class: c, sc: c.Table.Scenario(), shared: ui.NewShared()})
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithMiddleware(
			recover.MiddlewareWithLogger(cfg.Log,
				s.farewell,
				bubbletea.MiddlewareWithProgramHandler(s.program),
				activeterm.Middleware(), // admit says why first; this is the backstop
				s.admit,
				logging.MiddlewareWithLogger(cfg.Log),
			),
		),
	)
	if err != nil {
		return nil, err
	}
	srv.HandshakeTimeout = handshakeTimeout
	// sftp, scp's subsystem and forwarded ports are refused with a reason
	// the client prints, not the library's bare "unsupported".
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{"default": func(sess ssh.Session) {
		fmt.Fprintln(sess.Stderr(), "hotline: a class's server has no "+sess.Subsystem()+" and no files: connect with ssh alone")
		sess.Exit(1)
	}}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
	for _, kind := range []string{"direct-tcpip", "direct-streamlocal@openssh.com"} {
		srv.ChannelHandlers[kind] = func(_ *ssh.Server, _ *gossh.ServerConn, ch gossh.NewChannel, _ ssh.Context) {
			ch.Reject(gossh.Prohibited, "a class's server forwards nothing: connect with ssh alone")
		}
	}
	srv.PtyCallback = func(_ ssh.Context, p ssh.Pty) bool {
		return p.Window.Width <= maxWidth && p.Window.Height <= maxHeight
	}
	srv.ConnCallback = func(ctx ssh.Context, conn net.Conn) net.Conn {
		ctx.SetValue(openChannels{}, new(atomic.Int32))
		go s.keepalive(ctx)
		return conn
	}
	s.ssh = srv
	return s, nil
}

// Serve answers the connections of a listener until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	go s.sweep()
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops taking connections, waits for the sessions to end (at most
// until ctx is done), then closes the rest.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopped.Do(func() { close(s.stop) })
	err := s.ssh.Shutdown(ctx)
	s.ssh.Close()
	return err
}

// HostKey returns the server's public host key, for its fingerprint.
func (s *Server) HostKey() gossh.PublicKey {
	if len(s.ssh.HostSigners) == 0 {
		return nil
	}
	return s.ssh.HostSigners[0].PublicKey()
}

// admit ends, with one line saying why, every session that is not an
// interactive terminal (a command, a session without a terminal), and a
// session without a right code from an address that opens them too fast. A
// right code in the user name is never held up. The rest go on with their
// terminal's size as their program may draw it.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		reason := ""
		_, _, pty := sess.Pty()
		_, coded := s.lookup(sess.User())
		switch {
		case sess.RawCommand() != "":
			reason = "a class's server runs no commands: connect with ssh alone, without a command"
		case !pty:
			reason = "the exercise needs a terminal: connect with ssh -t, from a terminal"
		case !coded && !s.joins.allow(addressOf(sess.RemoteAddr())):
			reason = "too many connections from this address at once: try again in a few seconds"
		}
		if reason != "" {
			fmt.Fprintln(sess.Stderr(), "hotline: "+reason)
			sess.Exit(1)
			return
		}
		next(newWindow(sess, !coded))
	}
}

// sweep ends, every second, the sessions whose time at the join screen is
// up, until Shutdown.
func (s *Server) sweep() {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
			s.guard.sweep()
		}
	}
}

// program makes the Bubble Tea program of a session: the join screen, then
// the seat's screen.
func (s *Server) program(sess ssh.Session) *tea.Program {
	m := newSession(s, sess)
	pty, _, _ := sess.Pty()
	profile := colorprofile.Env(append(sess.Environ(), "TERM="+pty.Term))
	m.screen = newPainter(sess, profile, pty.Window.Width, pty.Window.Height, time.Second/time.Duration(s.cfg.FPS), s.cfg.Now)
	// The painter draws the screens, and writes what Bubble Tea writes
	// itself; Bubble Tea's renderer stays out, and its ticker, which
	// flushes its queries to the terminal, wakes once a second.
	opts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler(), tea.WithContext(sess.Context()),
		tea.WithoutRenderer(), tea.WithOutput(m.screen), tea.WithFPS(1))
	s.sessions.Store(sess, m)
	p := tea.NewProgram(painted{m}, opts...)
	if m.ticket != nil {
		m.ticket.onExpiry(func() { go p.Send(joinTimeoutMsg{}) })
	}
	go s.watch(sess, m)
	go func() {
		<-sess.Context().Done()
		m.leave()
	}()
	return p
}

// farewell runs once a session's program has ended: it says why the
// server ended it, if it did, as a last line the terminal keeps.
func (s *Server) farewell(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if v, ok := s.sessions.LoadAndDelete(sess); ok {
			v.(*session).screen.close()
			if note := v.(*session).farewell(); note != "" {
				fmt.Fprintln(sess.Stderr(), note)
			}
		}
		next(sess)
	}
}

// watch drops a session whose client has stopped reading: news from the
// table piles up untaken, and waiting for it would hold nothing else up,
// but would keep its screen for nobody.
func (s *Server) watch(sess ssh.Session, m *session) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-sess.Context().Done():
			return
		case <-tick.C:
			if lag := m.lag(); lag > s.cfg.Stall {
				s.cfg.Log.Warn("dropping a stalled session", "who", m.who(), "lag", lag)
				closeConn(sess.Context())
				return
			}
		}
	}
}

// keepalive checks that a connection's network still answers; a dead one
// (a laptop closed, a cable out) is closed, freeing its seat's screen.
func (s *Server) keepalive(ctx ssh.Context) {
	tick := time.NewTicker(keepaliveEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			conn, ok := ctx.Value(ssh.ContextKeyConn).(*gossh.ServerConn)
			if !ok {
				continue
			}
			reply := make(chan error, 1)
			go func() {
				_, _, err := conn.SendRequest("keepalive@openssh.com", true, nil)
				reply <- err
			}()
			select {
			case err := <-reply:
				if err != nil {
					conn.Close()
					return
				}
			case <-time.After(keepaliveEvery):
				conn.Close()
				return
			case <-ctx.Done():
				return
			}
		}
	}
}

func closeConn(ctx ssh.Context) {
	if conn, ok := ctx.Value(ssh.ContextKeyConn).(*gossh.ServerConn); ok {
		conn.Close()
	}
}

// errElsewhere says that the person joining is connected from another
// terminal already: they are asked whether to take the seat over.
var errElsewhere = errors.New("connected from another terminal")

// join seats a person with a code's seat: the engine's seat command in the
// host's name the first time, nothing on a reconnection. It returns their
// screen's game and the seat they have. The seat's powers come from the
// code alone: a name only says who holds them, and a name held by another
// kind of seat is refused. A student's name returns them to the team they
// sit in now, with the code of any team they have sat in. A name connected
// from another terminal is refused with errElsewhere, unless takeOver.
func (s *Server) join(seat Seat, name string, takeOver bool) (*ui.Game, game.Person, error) {
	s.joinMu.Lock()
	defer s.joinMu.Unlock()
	cl := s.classes[seat.Table]
	tb, sc := cl.Table, cl.sc
	person := game.Person{Name: name, Role: seat.Role, Team: seat.Team}
	if seat.Projector {
		// The projector sits nowhere: it shows the room what happens.
		person = game.Person{Name: "projector", Role: game.Observer}
		g := ui.Seat(tb, sc, game.Actor{Name: person.Name, Role: game.Observer}, game.ViewerOf(game.ProjectorSeat, 0, ""), injects.US)
		return g, person, nil
	}
	host := name == cl.Host.Name
	switch cur, seated := tb.Seated(name); {
	case host && seat.Role != game.Facilitator:
		return nil, person, fmt.Errorf("%s runs the class: choose another name", name)
	case host:
		// The facilitator who started the class, at a second terminal.
	case seated && cur != person && cur.Role == game.Player && seat.Role == game.Player && satIn(tb, name, seat.Team):
		// A student the facilitator moved returns, with the code they
		// joined with, to the seat they hold now.
		person, seat = cur, Seat{Role: cur.Role, Team: cur.Team, Table: seat.Table}
	case seated && cur != person:
		return nil, person, fmt.Errorf("someone called %s already sits %s: choose another name (or ask the facilitator to move you)",
			name, seatWords(sc, cur))
	case !seated:
		if _, err := tb.Do(cl.Host, game.Command{Verb: game.Seat, Person: person}); err != nil {
			return nil, person, err
		}
	}
	actor, ok := tb.Actor(name)
	if !ok || !grants(seat, actor) {
		return nil, person, fmt.Errorf("%s could not be seated %s", name, seatWords(sc, person))
	}
	if !takeOver && len(tb.Connections(name)) > 0 {
		return nil, person, errElsewhere
	}
	return ui.Seat(tb, sc, actor, game.ViewerFor(sc, person), sideOf(sc, person)), person, nil
}

// joinRoom gives a room's seat every table: the console's as the
// facilitator who started each, or the projector's.
func (s *Server) joinRoom(seat Seat) []ui.RoomTable {
	var out []ui.RoomTable
	for _, cl := range s.classes {
		actor, viewer := cl.Host, game.Viewer{All: true}
		if seat.Projector {
			actor, viewer = game.Actor{Name: "projector", Role: game.Observer}, game.ViewerOf(game.ProjectorSeat, 0, "")
		}
		out = append(out, ui.RoomTable{Name: cl.Name, Game: ui.Seat(cl.Table, cl.sc, actor, viewer, injects.US), Shared: cl.shared})
	}
	return out
}

// lookup finds the seat a code gives, at whichever table it is from, or
// the room's own.
func (s *Server) lookup(code string) (Seat, bool) {
	found, ok := Seat{}, false
	for i, cl := range s.classes {
		if seat, yes := cl.Codes.Lookup(code); yes {
			seat.Table = i
			found, ok = seat, true
		}
	}
	if len(s.classes) > 1 {
		if seat, yes := s.cfg.Room.Lookup(code); yes {
			found, ok = seat, true
		}
	}
	return found, ok
}

// satIn reports whether a person has ever sat in a team: a student the
// facilitator moved still has the code of the team they joined.
func satIn(tb *table.Table, name, team string) bool {
	for _, ev := range tb.Since(0) {
		if ev.Type == game.PersonSeated && ev.Person == name && ev.Team == team {
			return true
		}
	}
	return false
}

// grants is whether an actor holds exactly the powers of a code's seat:
// the last check that a name never brings more than the code gave.
func grants(seat Seat, a game.Actor) bool {
	if a.Role != seat.Role {
		return false
	}
	if seat.Team == "" {
		return len(a.Teams) == 0
	}
	return len(a.Teams) == 1 && a.Teams[0] == seat.Team
}

// sideOf is the side a person's screen looks at first: their team's, or
// the United States for the room's seats.
func sideOf(sc *injects.Scenario, p game.Person) injects.Side {
	if t, ok := sc.Team(p.Team); ok {
		return t.Side
	}
	return injects.US
}

// seatWords says where a person sits, for messages.
func seatWords(sc *injects.Scenario, p game.Person) string {
	if t, ok := sc.Team(p.Team); ok {
		return "in " + t.Name
	}
	return "as " + p.Role.String()
}

// viewOf is the screen a seat has.
func viewOf(seat Seat) ui.View {
	switch {
	case seat.Room && seat.Projector:
		return ui.ProjectorView
	case seat.Room:
		return ui.ControlView
	case seat.Projector:
		return ui.ProjectorView
	case seat.Role == game.Facilitator:
		return ui.ControlView
	case seat.Role == game.Player:
		return ui.PlayView
	}
	return ui.WatchView
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
