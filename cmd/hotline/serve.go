package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v4"
	gossh "golang.org/x/crypto/ssh"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/game/table"
	"hotline/injects"
	"hotline/ui"
	"hotline/ui/classroom"
)

type serveFlags struct {
	config                                           string
	scenario, listen, log, speed, resume, name, bots string
	wait, grace                                      string
	seed                                             uint64
	tables                                           int
	headless                                         bool
}

func serveCommand() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run a class's exercise over SSH: teams, a facilitator console, observers and a projector",
		Long: `Serve starts one exercise and an SSH server for it. It prints the address,
the host key's fingerprint and a join code for each team and for the
observers, the evaluators, the projector and a second facilitator: write them
on the board. Students join with ssh -p PORT HOST (or ssh -p PORT CODE@HOST)
and need nothing else. This terminal becomes the facilitator's console;
with --headless the server runs without one, and the facilitator joins with
their code like everyone else.

The log, the codes (LOG.codes) and the server's own messages (LOG.server.log)
are kept together. If the server stops, hotline serve --resume LOG continues
the class where it was, with the same codes.

With --tables N, one server serves a room of N tables on one port, each its
own exercise of the scenario with its own log (LOG-1.jsonl, ...), codes and
bots. The board lists each table's codes (and is kept as LOG.board.txt, a
page a table, to print), and two more: the facilitator's console over every
table and the room's projector. The room is kept in LOG.room: hotline serve
--resume LOG.room brings every table back. When the room closes, its tables
are compared.

A room the facilitator sets up again each week can be kept in a file of
the same settings, one a line (scenario: campaign, tables: 4, wait: 5m,
...), given with --config FILE; a flag typed beside it wins.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.config != "" {
				if err := readServeConfig(cmd, f.config); err != nil {
					return err
				}
			}
			return serve(cmd, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.config, "config", "", "read the settings below from this YAML file (scenario: campaign, tables: 4, ...); flags typed beside it win")
	fl.StringVar(&f.scenario, "scenario", injects.BuiltinIDs()[0], "built-in scenario id or inject file")
	fl.StringVar(&f.listen, "listen", ":2222", "address to listen on")
	fl.Uint64Var(&f.seed, "seed", 0, "seed for the bots' chances (default: a new one)")
	fl.StringVar(&f.log, "log", "", "write the event log here (default: a new file under the XDG state directory)")
	fl.StringVar(&f.speed, "speed", injects.FormatDuration(table.ClassSpeed), "story time per second of real time between waits, like 30m or 2h")
	fl.StringVar(&f.wait, "wait", injects.FormatDuration(table.DefaultWait), "real time the clock waits at what a seated team must answer, 3m to 30m, or off")
	fl.StringVar(&f.grace, "grace", injects.FormatDuration(table.DefaultGrace), "real time a team whose students have all dropped waits before a bot plays it, or off")
	fl.StringVar(&f.resume, "resume", "", "continue the class of this log, with its codes")
	fl.StringVar(&f.name, "name", "Facilitator", "the name the class sees for the facilitator who runs it")
	fl.StringVar(&f.bots, "bots", "", "counterpart profile that plays every team until a student takes its seat, or none (default: the scenario's first)")
	fl.IntVar(&f.tables, "tables", 1, fmt.Sprintf("tables in the room, 1 to %d: each plays the scenario on its own", maxTables))
	fl.BoolVar(&f.headless, "headless", false, "run without the facilitator console, for a lab server")
	return cmd
}

// class is a served exercise: its table, log and codes.
type class struct {
	name    string // "Table 2" in a room of several; "" alone
	tb      *table.Table
	host    game.Actor
	logPath string
	codes   classroom.Codes
}

// room is what one server serves: a class, or several tables kept together
// by a room file with the codes of the room's own seats.
type room struct {
	classes []*class
	path    string // the room file, for several tables
	codes   classroom.RoomCodes
}

// maxTables is the most tables one server serves: 20 tables of 15 are a
// lecture hall of 300.
const maxTables = 20

func serve(cmd *cobra.Command, f *serveFlags) error {
	speed, err := parseSpeed(f.speed)
	if err != nil {
		return err
	}
	pace := table.Config{Speed: speed}
	if pace.Wait, err = parsePause("wait", f.wait, table.MinWait, table.MaxWait); err != nil {
		return err
	}
	if pace.Grace, err = parsePause("grace", f.grace, time.Minute, time.Hour); err != nil {
		return err
	}
	if f.resume != "" {
		for _, name := range []string{"scenario", "seed", "log", "name", "bots", "tables"} {
			if cmd.Flags().Changed(name) {
				return usagef("--%s does not go with --resume: the class goes on as its log says", name)
			}
		}
	}
	if f.tables < 1 || f.tables > maxTables {
		return usagef("the --tables flag takes 1 to %d tables; not %d", maxTables, f.tables)
	}
	keyPath, err := hostKeyPath()
	if err != nil {
		return err
	}
	// Listen before the log is made, so that a port in use leaves nothing
	// behind.
	l, err := net.Listen("tcp", f.listen)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%s is in use (another class's server?): choose another address with --listen", f.listen)
	} else if err != nil {
		return fmt.Errorf("listening on %s: %w", f.listen, err)
	}
	defer l.Close()
	var r *room
	switch {
	case strings.HasSuffix(f.resume, roomExt):
		r, err = resumeRoom(cmd.ErrOrStderr(), f.resume, pace)
	case f.resume != "":
		var c *class
		c, err = resumeClass(cmd.ErrOrStderr(), f.resume, pace)
		r = &room{classes: []*class{c}}
	default:
		r, err = openRoom(cmd, f, pace)
	}
	if err != nil {
		return err
	}
	logFile, err := os.OpenFile(r.serverLogPath(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		r.close()
		return fmt.Errorf("the server's own log: %w", err)
	}
	defer logFile.Close()
	// Everything the server and its libraries say goes to the file: this
	// terminal is the facilitator's console.
	logger := log.NewWithOptions(logFile, log.Options{ReportTimestamp: true})
	log.SetDefault(logger)
	slog.SetDefault(slog.New(logger))
	srv, err := classroom.New(classroom.Config{Classes: r.served(), Room: r.codes, HostKeyPath: keyPath, Log: logger})
	if err != nil {
		r.close()
		return fmt.Errorf("starting the SSH server: %w", err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()

	out := cmd.OutOrStdout()
	var board strings.Builder
	printBoard(&board, r, l.Addr(), srv.HostKey())
	if r.path != "" {
		if err := os.WriteFile(boardPath(r.path), []byte(board.String()), 0o600); err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "the board could not be kept for printing: %v\n", err)
		}
	}
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(board.String(), sheetBreak, ""), "\n"), "\n")
	var runErr error
	if f.headless {
		// Ctrl+C closes the class in order from the moment the board says
		// so: the signal is caught before the board is printed.
		ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
		fmt.Fprintln(out, strings.Join(lines, "\n")+"\n")
		fmt.Fprintln(out, "Serving without a console: the facilitator joins with the facilitator's code. Ctrl+C closes the class.")
		select {
		case <-ctx.Done():
		case runErr = <-served:
		}
		stop()
	} else {
		fmt.Fprintln(out, strings.Join(lines, "\n")+"\n")
		runErr = console(r, lines)
	}

	// Close in order: the tables first, so every screen says the class has
	// closed and no decision arrives after the log's last line; then the
	// connections, given a moment to say goodbye.
	tableErr := r.close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	if r.path == "" {
		c := r.classes[0]
		fmt.Fprintf(out, "The class is closed. Its log is %s\nContinue it with: hotline serve --resume %s\n", c.logPath, c.logPath)
		return errors.Join(runErr, tableErr)
	}
	fmt.Fprintf(out, "The room is closed. Its tables' logs:\n")
	var logs []string
	for _, c := range r.classes {
		fmt.Fprintf(out, "  %s  %s\n", c.name, c.logPath)
		logs = append(logs, c.logPath)
	}
	fmt.Fprintf(out, "Continue the room with: hotline serve --resume %s\n\n", r.path)
	if tableErr == nil {
		compare := compareCommand()
		compare.SetArgs(logs)
		compare.SetOut(out)
		compare.SetErr(cmd.ErrOrStderr())
		if err := compare.ExecuteContext(context.Background()); err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "The tables could not be compared: %v\n", err)
		}
	}
	return errors.Join(runErr, tableErr)
}

// served is the room's tables as the SSH server serves them.
func (r *room) served() []classroom.Class {
	var out []classroom.Class
	for _, c := range r.classes {
		out = append(out, classroom.Class{Name: c.name, Table: c.tb, Host: c.host, Codes: c.codes})
	}
	return out
}

// close closes every table, saying which log could not be completed.
func (r *room) close() error {
	var errs []error
	for _, c := range r.classes {
		if err := c.tb.Close(); err != nil {
			errs = append(errs, fmt.Errorf("the log %s could not be completed: %w", c.logPath, err))
		}
	}
	return errors.Join(errs...)
}

// serverLogPath is where the server writes its own messages: beside the
// room file, or the one table's log.
func (r *room) serverLogPath() string {
	if r.path != "" {
		return serverLogPath(r.path)
	}
	return serverLogPath(r.classes[0].logPath)
}

// console runs the facilitator's console in this terminal until they quit:
// a table's, or the room's over every table.
func console(r *room, board []string) error {
	if len(r.classes) == 1 {
		c := r.classes[0]
		g := ui.Seat(c.tb, c.tb.Scenario(), c.host, game.Viewer{All: true}, injects.US)
		defer g.Close()
		_, err := tea.NewProgram(ui.New(ui.Options{Game: g, View: ui.ControlView, Host: true, Board: board})).Run()
		return err
	}
	var tables []ui.RoomTable
	for _, c := range r.classes {
		g := ui.Seat(c.tb, c.tb.Scenario(), c.host, game.Viewer{All: true}, injects.US)
		defer g.Close()
		tables = append(tables, ui.RoomTable{Name: c.name, Game: g})
	}
	_, err := tea.NewProgram(ui.New(ui.Options{Tables: tables, View: ui.ControlView, Host: true, Board: board})).Run()
	return err
}

// openRoom starts a room: one class, or several tables of the scenario,
// each with its log (the log's name with -1, -2, ...), its codes and its
// bots, kept together by a room file.
func openRoom(cmd *cobra.Command, f *serveFlags, pace table.Config) (*room, error) {
	sc, err := loadScenario(cmd.ErrOrStderr(), f.scenario)
	if err != nil {
		return nil, err
	}
	bots := f.bots
	if bots == "" && len(sc.Profiles) > 0 {
		bots = sc.Profiles[0].ID
	}
	if _, ok := sc.Profile(bots); !ok && bots != "none" {
		ids := make([]string, len(sc.Profiles))
		for i, p := range sc.Profiles {
			ids[i] = p.ID
		}
		return nil, usagef("the --bots flag takes none or a counterpart profile of this scenario: %s; not %q", strings.Join(ids, ", "), bots)
	}
	seed := f.seed
	if !cmd.Flags().Changed("seed") {
		seed = rand.Uint64N(1_000_000)
	}
	path := f.log
	if path == "" {
		if path, err = defaultLogPath(sc.ID); err != nil {
			return nil, err
		}
	}
	f.name = injects.CleanName(f.name) // as the class will see it
	if f.tables == 1 {
		c, err := newClass(sc, f.name, bots, seed, path, pace, nil)
		if err != nil {
			return nil, err
		}
		return &room{classes: []*class{c}}, nil
	}
	base := strings.TrimSuffix(path, filepath.Ext(path))
	r := &room{path: base + roomExt}
	if _, err := os.Stat(r.path); err == nil {
		return nil, fmt.Errorf("%s is another room's: continue it with hotline serve --resume %s, or name new logs with --log", r.path, r.path)
	}
	var taken []classroom.Codes
	for i := range f.tables {
		c, err := newClass(sc, f.name, bots, seed+uint64(i), fmt.Sprintf("%s-%d%s", base, i+1, cmp.Or(filepath.Ext(path), ".jsonl")), pace, taken)
		if err != nil {
			r.close()
			return nil, err
		}
		c.name = fmt.Sprintf("Table %d", i+1)
		r.classes = append(r.classes, c)
		taken = append(taken, c.codes)
	}
	if r.codes, err = classroom.NewRoomCodes(taken); err == nil {
		err = r.save()
	}
	if err != nil {
		r.close()
		return nil, fmt.Errorf("keeping the room: %w", err)
	}
	return r, nil
}

// roomExt names a room file.
const roomExt = ".room"

// roomFile is what a room of several tables keeps: its tables' logs (by
// their names, in the room file's folder) and the codes of its own seats.
type roomFile struct {
	Tables []string            `json:"tables"`
	Codes  classroom.RoomCodes `json:"codes"`
}

// save writes the room file, readable by its owner alone: it holds codes.
func (r *room) save() error {
	f := roomFile{Codes: r.codes}
	for _, c := range r.classes {
		f.Tables = append(f.Tables, filepath.Base(c.logPath))
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(r.path, append(data, '\n'), 0o600)
}

// resumeRoom brings every table of a room back from its log, with its
// codes and the room's.
func resumeRoom(stderr io.Writer, path string, pace table.Config) (*room, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the room: %w", err)
	}
	var f roomFile
	if err := json.Unmarshal(data, &f); err != nil || len(f.Tables) < 2 || f.Codes.Facilitator == "" || f.Codes.Projector == "" {
		return nil, fmt.Errorf("%s is not a room's file: it names the tables' logs and the room's codes", path)
	}
	r := &room{path: path, codes: f.Codes}
	for i, name := range f.Tables {
		c, err := resumeClass(stderr, filepath.Join(filepath.Dir(path), filepath.Base(name)), pace)
		if err != nil {
			r.close()
			return nil, fmt.Errorf("table %d: %w", i+1, err)
		}
		c.name = fmt.Sprintf("Table %d", i+1)
		r.classes = append(r.classes, c)
	}
	return r, nil
}

// newClass starts a class: its log, its table at the pace given, with bots
// in every team, and fresh codes (none of them one of taken's) saved beside
// the log.
func newClass(sc *injects.Scenario, name, bots string, seed uint64, path string, pace table.Config, taken []classroom.Codes) (*class, error) {
	var history []game.Event
	s, err := game.NewClass(sc, seed, name, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		return nil, usagef("the --name flag: %v", err)
	}
	codes, err := classroom.NewCodes(sc)
	for err == nil && slices.ContainsFunc(taken, codes.Shares) {
		codes, err = classroom.NewCodes(sc)
	}
	if err != nil {
		return nil, err
	}
	codes.Log = classroom.RefOf(path, history[0])
	w, err := eventlog.Create(path)
	if err != nil {
		return nil, err
	}
	if err := codes.Save(codesPath(path)); err != nil {
		w.Close()
		os.Remove(path)
		return nil, fmt.Errorf("saving the join codes: %w", err)
	}
	pace.Session, pace.History, pace.Log = s, history, w
	tb := table.Open(pace)
	host, _ := tb.Actor(name)
	if bots != "none" {
		for _, t := range sc.Teams {
			if _, err := tb.Do(host, game.Command{Verb: game.SeatBot, Team: t.ID, Profile: bots}); err != nil {
				tb.Close()
				return nil, err
			}
		}
	}
	return &class{tb: tb, host: host, logPath: path, codes: codes}, nil
}

// resumeClass continues a class from its log, once the log is known to be
// a class's and to be what the engine makes of its commands, with the codes
// kept beside it.
func resumeClass(stderr io.Writer, path string, pace table.Config) (*class, error) {
	w, lg, err := eventlog.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	fail := func(err error) (*class, error) {
		w.Close()
		return nil, err
	}
	src, err := logSource(lg)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	sc, err := loadScenario(stderr, src)
	if err != nil {
		return fail(err)
	}
	var history []game.Event
	s, err := game.Resume(sc, lg.Events, func(_ *game.State, ev *game.Event) { history = append(history, *ev) })
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	st := s.Engine.State()
	if !st.Class {
		return fail(fmt.Errorf("%s is the log of a solo run: continue it with hotline resume %s", path, path))
	}
	host, _ := s.Engine.Actor(st.Facilitator)
	if st.Running && !st.Ended {
		// Nobody is at the table yet: a clock that ran when the server
		// stopped waits for the facilitator to start it again.
		if err := s.Do(host, game.Command{Verb: game.PauseClock}); err != nil {
			return fail(fmt.Errorf("%s: %w", path, err))
		}
	}
	ref := classroom.RefOf(path, lg.Events[0])
	codes, err := classroom.LoadCodes(codesPath(path), sc, ref)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "%s is missing: the class gets new join codes\n", codesPath(path))
		if codes, err = classroom.NewCodes(sc); err == nil {
			codes.Log = ref
			err = codes.Save(codesPath(path))
		}
	}
	if err != nil {
		return fail(fmt.Errorf("the join codes: %w", err))
	}
	if err := w.Cut(lg.Size); err != nil {
		return fail(err)
	}
	if lg.Truncated {
		fmt.Fprintf(stderr, "%s: %s; continuing after the %d whole events before it\n", path, lg.Dropped, len(lg.Events))
	}
	pace.Session, pace.History, pace.Log, pace.Recorded = s, history, w, len(lg.Events)
	tb := table.Open(pace)
	return &class{tb: tb, host: host, logPath: path, codes: codes}, nil
}

// configurable are the settings a serve config file may hold: the flags
// that set up a class, not those that continue one.
var configurable = []string{"scenario", "tables", "listen", "log", "speed", "wait", "grace", "name", "bots", "seed", "headless"}

// readServeConfig sets the flags not typed from a config file of
// settings, one a line; every mistake in it is said at once, with its
// place.
func readServeConfig(cmd *cobra.Command, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading the settings: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: error: not settings of the form name: value (%v)", path, err)
	}
	if len(doc.Content) == 0 {
		return nil // an empty file sets nothing
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d:%d: error: settings are lines of the form name: value, like tables: 4", path, top.Line, top.Column)
	}
	var errs []error
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch {
		case !slices.Contains(configurable, k.Value):
			errs = append(errs, fmt.Errorf("%s:%d:%d: error: %q is not a setting; the settings are %s", path, k.Line, k.Column, k.Value, strings.Join(configurable, ", ")))
		case v.Kind != yaml.ScalarNode:
			errs = append(errs, fmt.Errorf("%s:%d:%d: error: %s takes one value, like %s: %s", path, v.Line, v.Column, k.Value, k.Value, cmd.Flags().Lookup(k.Value).DefValue))
		case cmd.Flags().Changed(k.Value):
			// Typed on the command line: that wins.
		default:
			if err := cmd.Flags().Set(k.Value, v.Value); err != nil {
				kind := "a whole number"
				if cmd.Flags().Lookup(k.Value).Value.Type() == "bool" {
					kind = "true or false"
				}
				errs = append(errs, fmt.Errorf("%s:%d:%d: error: %s takes %s, not %q", path, v.Line, v.Column, k.Value, kind, v.Value))
			}
		}
	}
	return errors.Join(errs...)
}

// parsePause reads a flag's real time, from least to most, or off.
func parsePause(flag, s string, least, most time.Duration) (time.Duration, error) {
	if s == "off" {
		return table.Off, nil
	}
	d, err := injects.ParseDuration(s)
	if err != nil || d < least || d > most {
		return 0, usagef("the --%s flag takes a real time from %s to %s, like %s, or off; not %q", flag,
			injects.FormatDuration(least), injects.FormatDuration(most), injects.FormatDuration(least), s)
	}
	return d, nil
}

// codesPath is where a class's codes are kept: beside its log, named after
// the whole of the log's name, so that no two logs share one.
func codesPath(logPath string) string { return logPath + ".codes" }

// serverLogPath is where the server of a class writes its own messages,
// named in the same way.
func serverLogPath(logPath string) string { return logPath + ".server.log" }

// hostKeyPath is the server's key, in a folder of its own under the XDG
// data directory (the SSH library makes the key there, and makes the
// folder private).
func hostKeyPath() (string, error) {
	dir, ok := xdgDir("XDG_DATA_HOME", ".local/share")
	if !ok {
		return "", errors.New("there is nowhere to keep the server's host key: HOME and XDG_DATA_HOME are not set")
	}
	return filepath.Join(dir, "hotline", "hostkey", "ed25519"), nil
}

// joinHosts are the addresses students reach the server at: the one it
// listens on, or when it listens on all of them, the machine's own (IPv4
// first; not loopback or link-local, which no other machine reaches). A
// host name is no use in a room whose network does not resolve it: it is
// given only when the machine has no other address.
func joinHosts(addr net.Addr) []string {
	if a, ok := addr.(*net.TCPAddr); ok && !a.IP.IsUnspecified() {
		return []string{a.IP.String()}
	}
	var v4, v6 []string
	ifaddrs, _ := net.InterfaceAddrs()
	for _, a := range ifaddrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || !ipn.IP.IsGlobalUnicast() {
			continue
		}
		if ipn.IP.To4() != nil {
			v4 = append(v4, ipn.IP.String())
		} else {
			v6 = append(v6, ipn.IP.String())
		}
	}
	if hosts := append(v4, v6...); len(hosts) > 0 {
		return hosts
	}
	if host, _ := os.Hostname(); host != "" {
		return []string{host}
	}
	return []string{"127.0.0.1"}
}

// sheetBreak ends the board's page for one table: a form feed, which a
// printer takes as a new sheet.
const sheetBreak = "\f"

// boardPath is where a room's board is kept for printing.
func boardPath(roomPath string) string { return strings.TrimSuffix(roomPath, roomExt) + ".board.txt" }

// printBoard prints what the facilitator writes on the board: how to join
// and each table's codes, a sheet a table, then the room's own.
func printBoard(w io.Writer, r *room, addr net.Addr, key gossh.PublicKey) {
	for i, c := range r.classes {
		if i > 0 {
			fmt.Fprint(w, sheetBreak)
		}
		printSheet(w, c, addr, key)
	}
	if r.path == "" {
		return
	}
	fmt.Fprint(w, sheetBreak)
	fmt.Fprintf(w, "The room: %d tables\n\n", len(r.classes))
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintf(tw, "    Room projector (every table side by side)\t%s\n", r.codes.Projector)
	fmt.Fprintf(tw, "    Facilitator over every table (keep this one)\t%s\n", r.codes.Facilitator)
	tw.Flush()
	fmt.Fprintf(w, "\n  Room kept in: %s\n  The board, a sheet a table: %s\n\n", r.path, boardPath(r.path))
}

// printSheet prints the board of one table.
func printSheet(w io.Writer, c *class, addr net.Addr, key gossh.PublicKey) {
	sc := c.tb.Scenario()
	port := "2222"
	if a, ok := addr.(*net.TCPAddr); ok {
		port = fmt.Sprint(a.Port)
	}
	hosts := joinHosts(addr)
	title := "Hotline class: " + sc.Title
	if c.name != "" {
		title += " — " + c.name
	}
	fmt.Fprintf(w, "%s\n\n", title)
	fmt.Fprintf(w, "  Join with:    ssh -p %s %s   (then type the code)\n", port, hosts[0])
	fmt.Fprintf(w, "           or:  ssh -p %s CODE@%s\n", port, hosts[0])
	if len(hosts) > 1 {
		fmt.Fprintf(w, "  If the room cannot reach that address, this machine also has: %s\n", strings.Join(hosts[1:], ", "))
	}
	if key != nil {
		fmt.Fprintf(w, "  Host key:     %s\n", gossh.FingerprintSHA256(key))
	}
	fmt.Fprintln(w, "\n  Join codes")
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for side := range injects.Side(2) {
		for _, t := range sc.Teams {
			if t.Side == side {
				fmt.Fprintf(tw, "    %s, %s\t%s\n", side.Title(), t.Name, c.codes.Teams[t.ID])
			}
		}
	}
	fmt.Fprintf(tw, "    Observers\t%s\n", c.codes.Observer)
	fmt.Fprintf(tw, "    Evaluators\t%s\n", c.codes.Evaluator)
	fmt.Fprintf(tw, "    Projector\t%s\n", c.codes.Projector)
	fmt.Fprintf(tw, "    Facilitator (keep this one)\t%s\n", c.codes.Facilitator)
	tw.Flush()
	fmt.Fprintf(w, "\n  Log: %s\n  Codes kept in: %s\n\n", c.logPath, codesPath(c.logPath))
}
