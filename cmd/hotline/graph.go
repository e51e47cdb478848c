package main

import (
	"github.com/spf13/cobra"

	"hotline/injects/graph"
)

func graphCommand() *cobra.Command {
	var format string
	var timeline bool
	cmd := &cobra.Command{
		Use:   "graph SCENARIO",
		Short: "Draw a scenario's injects, choices and endings as a graph (Mermaid or DOT)",
		Long: `Graph draws a scenario (a built-in id or an inject file) as a flowchart: its
injects and how each is triggered (a time, another inject, a condition with
its text), the choices on each and where they lead, deadlines and the path
taken when they pass, requests and what happens when they fall overdue,
actions, and how the ending is chosen. Nodes that nothing in play can reach
are drawn dashed in red and marked "(unreachable)".

--timeline draws instead the injects with a fixed time on the story calendar,
a row for each side, with each deadline as a bar.

Mermaid (the default) renders in GitHub and GitLab Markdown inside a
` + "```mermaid" + ` block; DOT renders with Graphviz:

  hotline graph my.yaml --format dot | dot -Tsvg > my.svg`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one scenario to draw: hotline graph SCENARIO")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "mermaid" && format != "dot" {
				return usagef("the --format flag takes mermaid or dot, not %q", format)
			}
			sc, err := loadScenario(cmd.ErrOrStderr(), args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if timeline {
				cal := graph.Timeline(sc)
				if format == "dot" {
					return cal.DOT(out)
				}
				return cal.Mermaid(out)
			}
			g := graph.Build(sc)
			if format == "dot" {
				return g.DOT(out)
			}
			return g.Mermaid(out)
		},
	}
	cmd.Flags().StringVar(&format, "format", "mermaid", "mermaid or dot")
	cmd.Flags().BoolVar(&timeline, "timeline", false, "draw the injects on the story calendar, by side")
	return cmd
}
