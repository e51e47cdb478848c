package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"hotline/injects"
)

func scenariosCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "scenarios",
		Short: "List the built-in scenarios",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			for _, id := range injects.BuiltinIDs() {
				sc, diags := injects.LoadBuiltin(id)
				if sc == nil {
					return fmt.Errorf("built-in scenario %s does not load:\n%s", id, diags.Error())
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", sc.ID, sc.Title, firstSentence(sc.Summary))
			}
			return tw.Flush()
		},
	}
}

// firstSentence returns the text up to its first full stop.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
