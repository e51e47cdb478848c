package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"hotline/game"
)

func reviewCommand() *cobra.Command {
	var (
		scenario, format string
		meeting          int
	)
	cmd := &cobra.Command{
		Use:   "review LOG",
		Short: "Print the review of a saved log",
		Long: `Review replays a saved event log and prints the closing review, or a review of
the state of play if the exercise has not ended. --meeting N prints the review
of the Nth scheduled review meeting instead.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one log file to review")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("the --format flag takes text or json, not %q", format)
			}
			log, sc, err := streamLog(cmd, args[0], scenario)
			if err != nil {
				return err
			}
			defer log.Close()
			eng, err := game.ReplayFrom(sc, log)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			if log.Dropped() != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s; reading the %d whole events before it\n", args[0], log.Dropped(), log.Events())
			}
			st := eng.State()
			card, err := pickReview(st, meeting)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(card)
			}
			if err := game.WriteReview(out, sc, card); err != nil {
				return err
			}
			if st.Ended {
				game.WriteOutcome(out, st)
			} else {
				fmt.Fprintln(out, "\nThe exercise has not ended; this is the review as play stands.")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&scenario, "scenario", "", "scenario id or file, if not where the log says")
	cmd.Flags().IntVar(&meeting, "meeting", 0, "print the review of this dialogue meeting (1 for the first)")
	cmd.Flags().StringVar(&format, "format", "text", "output: text or json")
	return cmd
}

func pickReview(st *game.State, meeting int) (*game.Scorecard, error) {
	if meeting > 0 {
		for _, r := range st.Reviews {
			if r.Meeting == meeting {
				return r, nil
			}
		}
		return nil, usagef("the log has no review of meeting %d", meeting)
	}
	if st.Ended {
		return st.Reviews[len(st.Reviews)-1], nil
	}
	return game.Review(st, -1), nil
}
