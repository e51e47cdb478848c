package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"hotline/game/eventlog"
	"hotline/game/table"
	"hotline/injects"
	"hotline/ui"
)

// playFlags are the flags of hotline and hotline play.
type playFlags struct {
	scenario, side, counterpart, speed, log string
	seed                                    uint64
	watch                                   bool
}

func (f *playFlags) bind(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.scenario, "scenario", "", "built-in scenario id or inject file (default: choose on the start screen)")
	fl.StringVar(&f.side, "side", "", "the side you play, us or cn; skips the start screen")
	fl.StringVar(&f.counterpart, "counterpart", "", "counterpart profile playing the other side (default: the scenario's first)")
	fl.Uint64Var(&f.seed, "seed", 0, "seed for the counterpart's chances (default: a new one each run)")
	fl.StringVar(&f.speed, "speed", injects.FormatDuration(ui.DefaultSpeed), "story time per second of real time, like 30m or 2h")
	fl.StringVar(&f.log, "log", "", "write the event log here (default: a new file under the XDG state directory)")
	fl.BoolVar(&f.watch, "watch", false, "with --scenario FILE: on every save, make the exercise again on the changed file, at the same story time")
}

// addPlay makes hotline and hotline play open the exercise, and adds resume.
func addPlay(root *cobra.Command) {
	var rootFlags, playOnly playFlags
	rootFlags.bind(root)
	root.RunE = func(cmd *cobra.Command, _ []string) error { return play(cmd, &rootFlags) }
	playCmd := &cobra.Command{
		Use:   "play",
		Short: "Open the exercise in the terminal (the default command)",
		Long: `Play opens the start screen: pick the scenario, the side you play, the
counterpart profile that plays the other side, and the clock's speed. With
--side it starts at once, with defaults for whatever is not given.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return play(cmd, &playOnly) },
	}
	playOnly.bind(playCmd)

	var speed string
	resume := &cobra.Command{
		Use:   "resume LOG",
		Short: "Continue an exercise from its log, exactly where it stopped",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name the log file to resume: hotline resume LOG")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return resumePlay(cmd, args[0], speed) },
	}
	resume.Flags().StringVar(&speed, "speed", injects.FormatDuration(ui.DefaultSpeed), "story time per second of real time")
	root.AddCommand(playCmd, resume)
}

func play(cmd *cobra.Command, f *playFlags) error {
	speed, err := parseSpeed(f.speed)
	if err != nil {
		return err
	}
	seed := f.seed
	if !cmd.Flags().Changed("seed") {
		seed = rand.Uint64N(1_000_000)
	}
	setup := ui.Setup{Counterpart: f.counterpart, Seed: seed, Speed: speed}
	if f.side != "" {
		side, ok := injects.ParseSide(f.side)
		if !ok {
			return usagef("the --side flag takes us or cn, not %q", f.side)
		}
		setup.Side = side
	} else if f.counterpart != "" {
		return usagef("the --counterpart flag goes with --side")
	}
	builtin := f.scenario == "" || injects.IsBuiltin(f.scenario)
	if f.watch && builtin {
		return usagef("--watch goes with --scenario FILE: the inject file you are writing")
	}
	begin := func(s ui.Setup) (*ui.Game, error) { return newGame(s, f.log) }
	opts := ui.Options{Seed: seed, Speed: speed, Begin: begin}
	var watched []string
	if f.watch {
		watched = []string{f.scenario}
		opts.Relog = relog(f.log)
	}
	refs := []string{f.scenario}
	if f.scenario == "" {
		refs = injects.BuiltinIDs()
	}
	if builtin && f.counterpart == "" {
		err = prepareBuiltin(&opts, refs, setup, f)
	} else {
		err = prepareNow(cmd.ErrOrStderr(), &opts, refs, setup, f)
	}
	if err != nil {
		return err
	}
	return runProgram(cmd.Context(), cmd.OutOrStdout(), ui.New(opts), watched)
}

// prepareNow reads the scenarios and, with --side, starts the exercise,
// before the terminal is taken: a file may not load and a counterpart may
// not be the scenario's, and what is wrong is said on the command line.
func prepareNow(stderr io.Writer, opts *ui.Options, refs []string, setup ui.Setup, f *playFlags) error {
	for _, ref := range refs {
		sc, err := loadScenario(stderr, ref)
		if err != nil {
			return err
		}
		opts.Scenarios = append(opts.Scenarios, sc)
	}
	if f.side == "" {
		return nil
	}
	sc := opts.Scenarios[0]
	if f.counterpart != "" {
		if _, ok := sc.Profile(f.counterpart); !ok {
			return usagef("the --counterpart flag names no profile of this scenario: %q; it has %s", f.counterpart, strings.Join(sc.Sides[setup.Side.Other()].Counterparts, ", "))
		}
	}
	setup.Scenario = sc
	g, err := newGame(setup, f.log)
	opts.Game = g
	return err
}

// prepareBuiltin has the built-in scenarios read, and with --side the
// exercise started, while the terminal gets ready: the first frame waits
// for the one or the other alone. Built-in scenarios load clean (their
// tests say so); the log, which may not be creatable, is created first.
//
// No garbage is collected until the scenarios are read: what reading them
// leaves is a few megabytes, and a collection meanwhile, on a small
// machine, would only make the first frame later.
func prepareBuiltin(opts *ui.Options, ids []string, setup ui.Setup, f *playFlags) error {
	var log *eventlog.Writer
	var logPath string
	if f.side != "" {
		var err error
		if log, logPath, err = createLog(ids[0], f.log); err != nil {
			return err
		}
	}
	gcPercent := debug.SetGCPercent(-1)
	opts.Prepare = func(o *ui.Options) error {
		scenarios, err := loadBuiltins(ids)
		debug.SetGCPercent(gcPercent)
		if log == nil {
			o.Scenarios = scenarios
			return err
		}
		if err != nil {
			log.Close()
			os.Remove(logPath)
			return err
		}
		setup.Scenario = scenarios[0]
		o.Game, err = startGame(setup, log, logPath)
		return err
	}
	return nil
}

// loadBuiltins reads built-in scenarios, side by side.
func loadBuiltins(ids []string) ([]*injects.Scenario, error) {
	scenarios := make([]*injects.Scenario, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			sc, diags := injects.LoadBuiltin(id)
			if sc == nil {
				errs[i] = diags
			}
			scenarios[i] = sc
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return scenarios, nil
}

// relog makes the logs of the runs made again on a changed scenario: beside
// the first log, numbered.
func relog(first string) func(*injects.Scenario) (table.Recorder, error) {
	n := 1
	return func(sc *injects.Scenario) (table.Recorder, error) {
		n++
		path := first
		if path == "" {
			var err error
			if path, err = defaultLogPath(sc.ID); err != nil {
				return nil, err
			}
		}
		path = strings.TrimSuffix(path, ".jsonl") + fmt.Sprintf("-edit%d.jsonl", n)
		w, err := eventlog.Create(path)
		if err != nil {
			return nil, err
		}
		return w, nil
	}
}

// newGame creates the log and starts the exercise the setup describes.
func newGame(s ui.Setup, logPath string) (*ui.Game, error) {
	w, path, err := createLog(s.Scenario.ID, logPath)
	if err != nil {
		return nil, err
	}
	return startGame(s, w, path)
}

// createLog creates the log of a run of the scenario: at path, or when
// path is empty a new file under the XDG state directory.
func createLog(scenario, path string) (*eventlog.Writer, string, error) {
	if path == "" {
		var err error
		if path, err = defaultLogPath(scenario); err != nil {
			return nil, "", err
		}
	}
	w, err := eventlog.Create(path)
	return w, path, err
}

// startGame starts the exercise the setup describes, written to the log w
// at path; the log is removed when the exercise cannot start.
func startGame(s ui.Setup, w *eventlog.Writer, path string) (*ui.Game, error) {
	g, err := ui.Solo(s, w, nil)
	if err != nil {
		w.Close()
		os.Remove(path)
		return nil, err
	}
	return g, nil
}

func resumePlay(cmd *cobra.Command, path, speedFlag string) error {
	speed, err := parseSpeed(speedFlag)
	if err != nil {
		return err
	}
	// The log is locked before it is read, and changed only once it is
	// known to be this program's to continue.
	w, log, err := eventlog.Open(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	src, err := logSource(log)
	if err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	sc, err := loadScenario(cmd.ErrOrStderr(), src)
	if err != nil {
		w.Close()
		return err
	}
	g, err := resumeGame(sc, log, w, speed)
	if err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if log.Truncated {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s; continuing after the %d whole events before it\n", path, log.Dropped, len(log.Events))
	}
	return runProgram(cmd.Context(), cmd.OutOrStdout(), ui.New(ui.Options{Game: g}), nil)
}

// resumeGame checks that a log is one to continue, then cuts what a crash
// left unfinished and continues it.
func resumeGame(sc *injects.Scenario, log *eventlog.Log, w *eventlog.Writer, speed time.Duration) (*ui.Game, error) {
	return ui.ResumeSolo(sc, log.Events, speed, func() (table.Recorder, error) {
		if err := w.Cut(log.Size); err != nil {
			return nil, err
		}
		return w, nil
	}, nil)
}

// runProgram runs the exercise in the terminal, then closes its table and
// log and says where the log is. While it runs, a save of a watched file
// makes the exercise again on it.
func runProgram(ctx context.Context, out io.Writer, m *ui.Model, watched []string) error {
	p := tea.NewProgram(m)
	if len(watched) > 0 {
		ctx, stop := context.WithCancel(ctx)
		defer stop()
		go watchScenario(ctx, p, watched[0])
	}
	final, runErr := p.Run()
	if fm, ok := final.(*ui.Model); ok {
		m = fm
	}
	if err := m.Err(); err != nil {
		return err
	}
	g := m.Game()
	if g == nil {
		return runErr
	}
	if err := g.Close(); err != nil {
		return fmt.Errorf("the log %s could not be completed: %w", g.LogPath(), err)
	}
	fmt.Fprintf(out, "The exercise log is saved in %s\n", g.LogPath())
	if g.State().Ended {
		fmt.Fprintf(out, "Print its review with: hotline review %s\n", g.LogPath())
	} else {
		fmt.Fprintf(out, "Continue it with: hotline resume %s\n", g.LogPath())
	}
	return runErr
}

func parseSpeed(s string) (time.Duration, error) {
	d, err := injects.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, usagef("the --speed flag takes story time per second, like 30m or 2h, not %q", s)
	}
	return d, nil
}

// defaultLogPath is a new file under the XDG state directory. Without one
// or a home, there is no private place to keep it: say so rather than write
// to a directory anyone can read.
func defaultLogPath(scenario string) (string, error) {
	dir, ok := xdgDir("XDG_STATE_HOME", ".local/state")
	if !ok {
		return "", errors.New("there is nowhere to keep the exercise log: HOME and XDG_STATE_HOME are not set; name a file with --log")
	}
	name := fmt.Sprintf("%s-%s.jsonl", scenario, time.Now().Format("20060102-150405"))
	return filepath.Join(dir, "hotline", name), nil
}

// xdgDir is an XDG base directory: the variable's value, or its default
// under the home directory; false when neither is set.
func xdgDir(env, underHome string) (string, bool) {
	if dir := os.Getenv(env); dir != "" {
		return dir, true
	}
	home := os.Getenv("HOME")
	if home == "" {
		return "", false
	}
	return filepath.Join(home, filepath.FromSlash(underHome)), true
}

// watchScenario tells the program each time the scenario file is saved,
// with the new version or the findings that stop it loading.
func watchScenario(ctx context.Context, p *tea.Program, file string) {
	first := true
	watchFiles(ctx, []string{file}, debounce, func() {
		if first { // the version already in play
			first = false
			return
		}
		sc, diags := injects.Load(file)
		p.Send(ui.ScenarioChanged{Scenario: sc, Findings: diags})
	})
}
