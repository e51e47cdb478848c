package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/game/eventlog"
	"hotline/injects"
	"hotline/ui"
)

// The documents before and after a run: the situation manual, the
// after-action report, and runs compared. The debrief package makes them;
// these commands read the files and write the result.

func handbookCommand() *cobra.Command {
	var side, format, out, date, start, speed string
	var eeg bool
	var s debrief.Sitting
	cmd := &cobra.Command{
		Use:   "handbook SCENARIO",
		Short: "Write the situation manual of a scenario, for one delegation or the facilitator",
		Long: `Handbook writes the exercise's situation manual (HSEEP SitMan) from a built-in
scenario or an inject file: the sitting's particulars and agenda, purpose and
scope, the counterfactual, the exercise guidelines, the schedule, the
objectives, the mechanism in plain words, a role card for each team, the rules
of play, the acronyms and the participants' feedback form. --side us or cn is a
delegation's edition: none of the script, no controller notes, nothing of the
other side's. --side all (the default) is the facilitator's: both delegations
and the script, the MSEL with every inject and its controller notes.

--eeg writes the Exercise Evaluation Guide instead: each objective's critical
tasks, with room for notes and a rating, for the evaluators to carry.

The sitting's date, start time, location, sponsor, point of contact and
organizations come from the file's exercise: block; the flags override them.
The agenda counts play at the class's clock speed (--speed, as play and serve
take it).`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one scenario: a built-in id or an inject file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var v game.Viewer
			switch side {
			case "all":
				v.All = true
			case "us", "cn":
				v.Side, _ = injects.ParseSide(side)
			default:
				return usagef("the --side flag takes us, cn or all, not %q", side)
			}
			format, err := pickFormat(format, out, "md", "md", "html")
			if err != nil {
				return err
			}
			if date != "" {
				if s.Date, err = time.Parse("2006-01-02", date); err != nil {
					return usagef("the --date flag takes a day like 2026-11-23, not %q", date)
				}
			}
			if start != "" {
				if s.Start, s.Timed = injects.ParseClockTime(start); !s.Timed {
					return usagef("the --start flag takes a time of day like 09:00, not %q", start)
				}
			}
			if s.Speed, err = parseSpeed(speed); err != nil {
				return err
			}
			sc, err := loadScenario(cmd.ErrOrStderr(), args[0])
			if err != nil {
				return err
			}
			type document interface {
				WriteMarkdown(io.Writer) error
				WriteHTML(io.Writer) error
			}
			var doc document = debrief.NewHandbook(sc, v, s)
			if eeg {
				doc = debrief.NewEvaluationGuide(sc, s)
			}
			return writeDocument(cmd, out, []string{args[0]}, func(w io.Writer) error {
				if format == "html" {
					return doc.WriteHTML(w)
				}
				return doc.WriteMarkdown(w)
			})
		},
	}
	cmd.Flags().StringVar(&side, "side", "all", "us, cn, or all for the facilitator's edition")
	cmd.Flags().BoolVar(&eeg, "eeg", false, "write the Exercise Evaluation Guide, for the evaluators")
	cmd.Flags().StringVar(&date, "date", "", "the sitting's day, like 2026-11-23")
	cmd.Flags().StringVar(&start, "start", "", "when the sitting starts, like 09:00: the agenda's clock")
	cmd.Flags().StringVar(&speed, "speed", injects.FormatDuration(ui.DefaultSpeed), "the class's clock speed, story time per second, for the agenda")
	cmd.Flags().StringVar(&s.Location, "location", "", "where the sitting is held")
	cmd.Flags().StringVar(&s.Sponsor, "sponsor", "", "the sponsoring organization")
	cmd.Flags().StringVar(&s.Contact, "contact", "", "the point of contact, and how to reach them")
	cmd.Flags().StringArrayVar(&s.Organizations, "organization", nil, "a participating organization (repeat the flag for each)")
	cmd.Flags().BoolVar(&s.Draft, "draft", false, "mark every page a draft")
	cmd.Flags().StringVar(&format, "format", "", "md or html (default: from the output file's name, else md)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func reportCommand() *cobra.Command {
	var scenario, format, out string
	cmd := &cobra.Command{
		Use:   "report LOG | REPORT.json",
		Short: "Write the after-action report and improvement plan of a saved run",
		Long: `Report writes the after-action report of one run (HSEEP AAR/IP) from its log:
an executive summary, an overview, a timeline of the whole run, the analysis
of each objective with a rating, strengths and areas for improvement with
their evidence, reference and root cause, the dialogue's review, the
hotwash's questions and answers, the participants' feedback, an improvement
plan in HSEEP's columns, and the participants.
The log is first made again from its commands, as review does: an edited log
is refused, and every score is computed afresh.

--format json saves the report for editing: change a rating (and its note),
write a root cause or a hotwash answer, fill in the plan, then render the
edited file with
hotline report REPORT.json --format html.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one log file, or a report saved as JSON")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := pickFormat(format, out, "md", "md", "html", "json")
			if err != nil {
				return err
			}
			r, err := loadReport(cmd, args[0], scenario)
			if err != nil {
				return err
			}
			return writeDocument(cmd, out, args, func(w io.Writer) error {
				switch format {
				case "html":
					return r.WriteHTML(w)
				case "json":
					return writeJSON(w, r)
				}
				return r.WriteMarkdown(w)
			})
		},
	}
	cmd.Flags().StringVar(&scenario, "scenario", "", "scenario id or file, if not where the log says")
	cmd.Flags().StringVar(&format, "format", "", "md, html or json (default: from the output file's name, else md)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// loadReport makes the report of a log, or reads one saved as JSON.
func loadReport(cmd *cobra.Command, path, scenario string) (*debrief.Report, error) {
	if data, ok := savedReport(path); ok {
		r, err := debrief.ReadReport(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return r, nil
	}
	log, sc, err := readLog(cmd, path, scenario)
	if err != nil {
		return nil, err
	}
	events, err := madeAgain(sc, log, path)
	if err != nil {
		return nil, err
	}
	return debrief.NewReport(sc, events, debrief.Info{Log: path, Played: lastWritten(path)})
}

// savedReport reads a file that is a report saved as JSON rather than a
// log: one JSON object with a kind. A log is a line of JSON per event, and
// none of its events has a kind.
func savedReport(path string) ([]byte, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, eventlog.MaxSize))
	if err != nil {
		return nil, false
	}
	var probe struct {
		Kind *string `json:"kind"`
	}
	if json.Unmarshal(data, &probe) != nil || probe.Kind == nil {
		return nil, false
	}
	return data, true
}

// madeAgain plays a log's commands again, checking every event, and
// returns the events made: the documents trust nothing else.
func madeAgain(sc *injects.Scenario, log *eventlog.Log, path string) ([]game.Event, error) {
	var events []game.Event
	if _, err := game.Resume(sc, log.Events, func(_ *game.State, ev *game.Event) { events = append(events, *ev) }); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return events, nil
}

// lastWritten says when a log was last written, the nearest a log comes to
// the date it was played.
func lastWritten(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return debrief.Date(st.ModTime()) + " (when the log was last written)"
}

func compareCommand() *cobra.Command {
	var scenario, format, out string
	cmd := &cobra.Command{
		Use:   "compare LOG LOG...",
		Short: "Set several runs of one scenario side by side",
		Long: `Compare sets the runs of one scenario side by side, for a class whose tables
played it at once: how each ended, the scores, the parts answered on time, the
calls, the ladder's highest rung, and the decisions where the runs parted.
Each log is first made again from its commands. Logs of different scenarios
are refused.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("name two or more logs of one scenario to compare")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := pickFormat(format, out, "text", "text", "md", "html", "json")
			if err != nil {
				return err
			}
			runs := make([]debrief.Run, len(args))
			logs := make([]*eventlog.Log, len(args))
			for i, path := range args {
				log, err := eventlog.Read(path)
				if err != nil {
					return fmt.Errorf("reading %s: %w", path, err)
				}
				if _, err := logSource(log); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				logs[i] = log
				runs[i] = debrief.Run{Name: path, Events: log.Events}
			}
			if err := debrief.SameScenario(runs); err != nil {
				return err
			}
			ref := scenario
			if ref == "" {
				ref, _ = logSource(logs[0])
			}
			sc, err := loadScenario(cmd.ErrOrStderr(), ref)
			if err != nil {
				return err
			}
			for i, path := range args {
				if logs[i].Truncated {
					fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s; reading the %d whole events before it\n", path, logs[i].Dropped, len(logs[i].Events))
				}
				if runs[i].Events, err = madeAgain(sc, logs[i], path); err != nil {
					return err
				}
			}
			c, err := debrief.NewComparison(sc, runs)
			if err != nil {
				return err
			}
			return writeDocument(cmd, out, args, func(w io.Writer) error {
				switch format {
				case "md":
					return c.WriteMarkdown(w)
				case "html":
					return c.WriteHTML(w)
				case "json":
					return writeJSON(w, c)
				}
				return c.WriteText(w)
			})
		},
	}
	cmd.Flags().StringVar(&scenario, "scenario", "", "scenario id or file, if not where the logs say")
	cmd.Flags().StringVar(&format, "format", "", "text, md, html or json (default: from the output file's name, else text)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

// pickFormat checks the --format flag against the formats a command
// writes; without one, the output file's extension chooses, else def.
func pickFormat(format, out, def string, formats ...string) (string, error) {
	if format == "" {
		switch ext := strings.ToLower(filepath.Ext(out)); ext {
		case ".html", ".htm":
			format = "html"
		case ".md", ".markdown":
			format = "md"
		case ".json":
			format = "json"
		case ".txt":
			format = "text"
		}
		for _, f := range formats {
			if f == format {
				return format, nil
			}
		}
		return def, nil
	}
	for _, f := range formats {
		if f == format {
			return format, nil
		}
	}
	return "", usagef("the --format flag takes %s, not %q", strings.Join(formats, ", "), format)
}

// writeDocument writes a document to standard output or to the file out,
// never over one of the files it was made from.
func writeDocument(cmd *cobra.Command, out string, inputs []string, write func(io.Writer) error) error {
	if out == "" {
		return write(cmd.OutOrStdout())
	}
	if st, err := os.Stat(out); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a directory; name a file to write", out)
		}
		for _, in := range inputs {
			if is, err := os.Stat(in); err == nil && os.SameFile(st, is) {
				return usagef("-o %s would write over the file the document is made from", out)
			}
		}
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Wrote %s\n", out)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
