package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

func runCommand() *cobra.Command {
	var (
		scenario, us, cn, logPath, format string
		seed                              uint64
	)
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Play a scenario to the end with bots on both sides and print the transcript",
		Long: `Run plays a scenario headless, with a counterpart bot on each side, and prints
the transcript with story timestamps, then the closing review.
The same scenario, seed and profiles always give the same run.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usagef("the --format flag takes text or json, not %q", format)
			}
			sc, err := loadScenario(cmd.ErrOrStderr(), scenario)
			if err != nil {
				return err
			}
			for side, p := range [2]string{us, cn} {
				if id, ok := strings.CutPrefix(p, game.StrategyPrefix); ok {
					if !knownStrategy(id) {
						return usagef("the --%s flag names no strategy: %q; the strategies are %s", injects.Side(side), id, strategyIDs())
					}
					continue
				}
				if _, ok := sc.Profile(p); p != "" && !ok {
					return usagef("the --%s flag names no profile of this scenario: %q; it has %s", injects.Side(side), p, strings.Join(sc.Sides[side].Counterparts, ", "))
				}
			}
			var log *eventlog.Writer
			if logPath != "" {
				if log, err = eventlog.Create(logPath); err != nil {
					return err
				}
				defer log.Close()
			}
			out := cmd.OutOrStdout()
			var writeErr error
			observe := func(st *game.State, ev *game.Event) {
				if log != nil && writeErr == nil {
					writeErr = log.Write(ev)
				}
				if format == "json" {
					b, _ := json.Marshal(ev)
					fmt.Fprintf(out, "%s\n", b)
					return
				}
				game.WriteTranscriptLine(out, st, ev)
			}
			st, err := game.Play(sc, seed, [2]string{us, cn}, observe)
			if err != nil {
				return err
			}
			if writeErr != nil {
				return fmt.Errorf("writing the log: %w", writeErr)
			}
			if format == "text" {
				fmt.Fprintln(out)
				if err := game.WriteReview(out, sc, st.Reviews[len(st.Reviews)-1]); err != nil {
					return err
				}
				game.WriteOutcome(out, st)
				if log != nil {
					fmt.Fprintf(out, "\nLog saved to %s\n", log.Path())
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&scenario, "scenario", injects.DefaultScenario, "built-in scenario id or inject file")
	f.Uint64Var(&seed, "seed", 1, "seed for the bots' chances")
	f.StringVar(&us, "us", "", "counterpart profile playing the US (default: the scenario's first), or strategy:ID for a scripted strategy")
	f.StringVar(&cn, "cn", "", "counterpart profile playing China (default: the scenario's first), or strategy:ID for a scripted strategy")
	f.StringVar(&logPath, "log", "", "write the event log (JSONL) to this file")
	f.StringVar(&format, "format", "text", "output: text (transcript and review) or json (events, one a line)")
	return cmd
}

func knownStrategy(id string) bool {
	for _, s := range game.Strategies() {
		if s.ID == id {
			return true
		}
	}
	return false
}

func strategyIDs() string {
	var ids []string
	for _, s := range game.Strategies() {
		ids = append(ids, game.StrategyPrefix+s.ID)
	}
	return strings.Join(ids, ", ")
}

// loadScenario loads a built-in scenario or an inject file, printing the
// findings that stop it from loading.
func loadScenario(stderr io.Writer, ref string) (*injects.Scenario, error) {
	sc, diags := injects.Open(ref)
	if sc != nil {
		return sc, nil
	}
	for _, d := range diags {
		fmt.Fprintln(stderr, d.String())
	}
	if validateStatus(diags) == 2 {
		return nil, exitError{2}
	}
	return nil, exitError{1}
}
