package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"hotline/injects"
	"hotline/injects/schema"
)

func validateCommand() *cobra.Command {
	var format string
	var watch bool
	cmd := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check inject files and report every finding",
		Long: `Validate checks inject files and reports every finding at once, one a line:

  file:line:col: error|warning: message [code]

It exits 0 when no file has errors, 1 when some file has, and 2 when a file
cannot be read or the command is misused. docs/inject-format.md lists the codes.

With --watch it validates again each time an inject file in the files'
directories is saved, on a cleared screen, until Ctrl-C.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("name at least one inject file to validate")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, files []string) error {
			if format != "text" && format != "json" {
				return usagef("the --format flag takes text or json, not %q", format)
			}
			if watch {
				return watchValidate(cmd.Context(), cmd.OutOrStdout(), files, format)
			}
			var all injects.Diagnostics
			for _, f := range files {
				all = append(all, injects.Check(f)...)
			}
			if err := writeDiagnostics(cmd.OutOrStdout(), format, all); err != nil {
				return err
			}
			if format == "text" {
				fmt.Fprintln(cmd.ErrOrStderr(), summary(all, len(files)))
				editorNotes(cmd.ErrOrStderr(), files...)
			}
			if status := validateStatus(all); status != 0 {
				return exitError{status}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&watch, "watch", false, "validate again on every save, until Ctrl-C")
	return cmd
}

// validateStatus is 2 when a file could not be read, 1 when there are
// errors, and 0 otherwise.
func validateStatus(diags injects.Diagnostics) int {
	status := 0
	for _, d := range diags {
		switch {
		case d.Code == injects.CodeIO, d.Code == injects.CodeTooLarge:
			return 2
		case d.Severity == injects.Error:
			status = 1
		}
	}
	return status
}

func writeDiagnostics(w io.Writer, format string, diags injects.Diagnostics) error {
	if format == "json" {
		if diags == nil {
			diags = injects.Diagnostics{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(diags)
	}
	for _, d := range diags {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
}

// editorNotes says which files point editors at a schema that is missing
// or another version's, once a schema.
func editorNotes(w io.Writer, files ...string) {
	said := map[string]bool{}
	for _, f := range files {
		if note := schema.EditorNote(f); note != "" && !said[note] {
			said[note] = true
			fmt.Fprintln(w, "note: "+note)
		}
	}
}

// summary counts the findings for people reading the text output.
func summary(diags injects.Diagnostics, files int) string {
	errs, warns := diags.Errors(), diags.Warnings()
	return fmt.Sprintf("%s, %s in %s", plural(errs, "error"), plural(warns, "warning"), plural(files, "file"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
