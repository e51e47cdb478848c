package main

import (
	"errors"
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
	"hotline/ui"
)

func replayCommand() *cobra.Command {
	var scenario string
	cmd := &cobra.Command{
		Use:   "replay LOG",
		Short: "Show a run as it happened, event by event, for the debrief",
		Long: `Replay shows a saved exercise on the terminal as it happened, read-only: step
event by event (←/→), jump between decisions ([ and ]) or to a time (t), play
it at a chosen speed (space, +/-), and switch between the control cell's
screens and each side's (v). A strip across the bottom is the run's timeline.
The log is first made again from its commands: an edited log is refused.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one log file to replay")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			log, sc, err := readLog(cmd, args[0], scenario)
			if err != nil {
				return err
			}
			events, err := madeAgain(sc, log, args[0])
			if err != nil {
				return err
			}
			_, err = tea.NewProgram(ui.NewReplay(sc, events, args[0])).Run()
			return err
		},
	}
	cmd.Flags().StringVar(&scenario, "scenario", "", "scenario id or file, if not where the log says")
	return cmd
}

// readLog reads a log and loads its scenario: the one named, or the one the
// log says it was made with. A log cut short is read up to its last whole
// line, and the reader is told.
func readLog(cmd *cobra.Command, path, scenario string) (*eventlog.Log, *injects.Scenario, error) {
	log, err := eventlog.Read(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	ref := scenario
	if ref == "" {
		src, err := logSource(log)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		ref = src
	}
	sc, err := loadScenario(cmd.ErrOrStderr(), ref)
	if err != nil {
		return nil, nil, err
	}
	if log.Truncated {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s; reading the %d whole events before it\n", path, log.Dropped, len(log.Events))
	}
	return log, sc, nil
}

// streamLog opens a log to be read as it is made again, and loads its
// scenario as readLog does.
func streamLog(cmd *cobra.Command, path, scenario string) (*eventlog.Reader, *injects.Scenario, error) {
	log, err := eventlog.OpenReader(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	ref := scenario
	if ref == "" {
		first, err := log.Peek()
		if err == io.EOF {
			err = errors.New("the log holds no complete event")
		}
		if err == nil {
			ref, err = startSource(&first)
		}
		if err != nil {
			log.Close()
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	sc, err := loadScenario(cmd.ErrOrStderr(), ref)
	if err != nil {
		log.Close()
		return nil, nil, err
	}
	return log, sc, nil
}

// logSource is where the log says its scenario came from.
func logSource(log *eventlog.Log) (string, error) { return startSource(&log.Events[0]) }

func startSource(first *game.Event) (string, error) {
	if first.Type != game.Started || first.Start == nil {
		return "", fmt.Errorf("the log does not start with its start record: its first line is missing or damaged")
	}
	return first.Start.Source, nil
}
