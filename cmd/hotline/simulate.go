package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"hotline/game/simulate"
)

func simulateCommand() *cobra.Command {
	var (
		runs             int
		profiles, format string
		seed             uint64
		strict           bool
	)
	cmd := &cobra.Command{
		Use:   "simulate SCENARIO",
		Short: "Play a scenario many times headless and report coverage and balance",
		Long: `Simulate plays a scenario (a built-in id or an inject file) many times with
counterpart bots on both sides, on every core, and reports:

  - each ending's share, by pair of counterpart profiles (US / China)
  - the scores at the closing review, and the meters' ranges
  - how often each inject fired and each choice was taken
  - the requests that always or never went overdue
  - what was never reached, as file:line: inject, choice or ending

--runs is the number of runs for each profile pair; run k of every pair uses
seed --seed + k, so the same flags give the same report. --profiles all plays
every pair of the sides' counterparts; --profiles cooperative,stonewalling
plays every pair of the profiles named.

With --strict, simulate exits 1 when something was never reached (outside the
shared files a scenario includes, which may serve other scenarios), so that it
can guard a scenario in continuous integration.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one scenario to simulate: hotline simulate SCENARIO")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("the --format flag takes text or json, not %q", format)
			}
			if runs < 1 {
				return usagef("the --runs flag takes a number of runs of at least 1, not %d", runs)
			}
			sc, err := loadScenario(cmd.ErrOrStderr(), args[0])
			if err != nil {
				return err
			}
			var ids []string
			if profiles != "all" {
				for _, id := range strings.Split(profiles, ",") {
					ids = append(ids, strings.TrimSpace(id))
				}
			}
			pairs, err := simulate.Pairs(sc, ids)
			if err != nil {
				return usagef("--profiles: %v", err)
			}
			opt := simulate.Options{Runs: runs, Pairs: pairs, Seed: seed, Done: &atomic.Int64{}}
			out := cmd.OutOrStdout()
			r, err := withProgress(out, runs*len(pairs), opt.Done, func() (*simulate.Report, error) {
				return simulate.Run(sc, opt)
			})
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(r); err != nil {
					return err
				}
			} else {
				if err := r.WriteText(out); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "Took %s on %d cores.\n", r.Elapsed.Round(time.Millisecond), r.Workers)
			}
			if strict && r.Gaps() > 0 {
				return exitError{1}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&runs, "runs", 100, "runs for each profile pair")
	f.StringVar(&profiles, "profiles", "all", "all, or the profiles to pair, like cooperative,stonewalling")
	f.Uint64Var(&seed, "seed", 1, "the first run's seed")
	f.StringVar(&format, "format", "text", "output: text or json")
	f.BoolVar(&strict, "strict", false, "exit 1 when an inject, choice or ending was never reached")
	return cmd
}

// withProgress runs work, and draws a progress bar on out while it runs if
// out is a terminal and the work takes more than a second.
func withProgress[T any](out io.Writer, total int, done *atomic.Int64, work func() (T, error)) (T, error) {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return work()
	}
	type result struct {
		v   T
		err error
	}
	finished := make(chan result, 1)
	go func() {
		v, err := work()
		finished <- result{v, err}
	}()
	select {
	case r := <-finished:
		return r.v, r.err
	case <-time.After(time.Second):
	}
	width := 40
	if w, _, err := term.GetSize(f.Fd()); err == nil && w > 30 {
		width = min(w-24, 60)
	}
	bar := progress.New(progress.WithDefaultBlend(), progress.WithWidth(width))
	w := colorprofile.NewWriter(f, os.Environ())
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-finished:
			fmt.Fprint(f, "\r\x1b[2K")
			return r.v, r.err
		case <-tick.C:
			n := done.Load()
			fmt.Fprintf(w, "\r%s %d of %d runs", bar.ViewAs(float64(n)/float64(total)), n, total)
		}
	}
}
