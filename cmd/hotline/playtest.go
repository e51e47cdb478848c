package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/game/playtest"
	"hotline/injects"
)

func testCommand() *cobra.Command {
	var trace bool
	var logPath string
	cmd := &cobra.Command{
		Use:   "test [PLAYTEST...]",
		Short: "Run playtests: scripted runs that pin what must happen in a scenario",
		Long: `Test runs playtests. A playtest, NAME.playtest.yaml beside the scenario
NAME.yaml, scripts one side's decisions (at story times, or when an inject
fires or the hotline rings), lets a counterpart bot play the other side with
a fixed seed, and lists what must happen: injects fired or not, choices taken,
request statuses, the ladder's rung, the ending, score ranges.

With no files, test runs the built-in scenarios' playtests. Each failure is
reported as file:line:col with the event that differed and, as far as the
run shows it, why. --trace lists each run's events; --log FILE writes one
playtest's run as an event log, for hotline replay and hotline report.
docs/authoring.md describes the format.

Exit status: 0 when every playtest passes, 1 when one fails, 2 when a
playtest cannot be read or names what its scenario lacks.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			out := cmd.OutOrStdout()
			var tests []*playtest.Playtest
			status := 0
			broken := func(err error) {
				var fs playtest.Findings
				if errors.As(err, &fs) {
					for _, f := range fs {
						fmt.Fprintln(out, f)
					}
				} else {
					fmt.Fprintf(out, "%v\n", err)
				}
				status = 2
			}
			if len(files) == 0 {
				for _, name := range injects.BuiltinPlaytests() {
					pt, err := playtest.Builtin(name)
					if err != nil {
						return err // a built-in playtest that does not parse is a bug
					}
					tests = append(tests, pt)
				}
			}
			if logPath != "" && len(files) != 1 {
				return usagef("--log writes one run: name one playtest")
			}
			for _, f := range files {
				pt, err := playtest.Load(f)
				if err != nil {
					if errors.Is(err, os.ErrNotExist) {
						err = fmt.Errorf("%s: cannot read: no such file", f)
					}
					broken(err)
					continue
				}
				tests = append(tests, pt)
			}
			passed, failed := 0, 0
			for _, pt := range tests {
				r, err := playtest.RunFile(pt)
				if err != nil {
					broken(err)
					continue
				}
				report(out, r)
				if trace {
					fmt.Fprintf(out, "      the run, event by event:\n")
					for _, l := range r.Trace {
						fmt.Fprintf(out, "      %s\n", l)
					}
				}
				if logPath != "" {
					if err := writeLog(logPath, r.Events); err != nil {
						return err
					}
					fmt.Fprintf(out, "Log saved to %s\n", logPath)
				}
				if len(r.Failures) > 0 {
					failed++
					status = max(status, 1)
				} else {
					passed++
				}
			}
			summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
			if status == 2 {
				summary += "; some playtests could not run"
			}
			fmt.Fprintln(cmd.ErrOrStderr(), summary)
			if status != 0 {
				return exitError{status}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&trace, "trace", false, "list each run's events after its result")
	cmd.Flags().StringVar(&logPath, "log", "", "write the run's event log (JSONL) to this file; with one playtest")
	return cmd
}

// writeLog writes events as an event log, as hotline run --log does.
func writeLog(path string, events []game.Event) error {
	log, err := eventlog.Create(path)
	if err != nil {
		return err
	}
	for i := range events {
		if err := log.Write(&events[i]); err != nil {
			log.Close()
			return fmt.Errorf("writing the log: %w", err)
		}
	}
	return log.Close()
}

// report writes one playtest's result: a line when it passes, each failure
// when it does not.
func report(w io.Writer, r *playtest.Result) {
	if len(r.Failures) == 0 {
		fmt.Fprintf(w, "ok    %s (%s, %s)\n", r.File, plural(r.Steps, "step"), plural(r.Checks, "check"))
		return
	}
	fmt.Fprintf(w, "FAIL  %s\n", r.File)
	for _, f := range r.Failures {
		fmt.Fprintf(w, "%s\n", f)
	}
}
