// Command hotline runs tabletop exercises of the US–China cybercrime
// hotline mechanism of September 2015.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

// exitError ends the program with a code, after the command has already
// said what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

func main() {
	root := rootCommand()
	err := fang.Execute(context.Background(), root, fang.WithoutManpage(), fang.WithErrorHandler(printError))
	os.Exit(exitCode(err))
}

// printError says what went wrong in one plain line, with the message as
// written: paths and ids must come out exactly as they are.
func printError(w io.Writer, _ fang.Styles, err error) {
	var quiet exitError
	if errors.As(err, &quiet) {
		return // the command has said it already
	}
	fmt.Fprintf(w, "hotline: %v\n", err)
	var usage usageError
	if errors.As(err, &usage) {
		fmt.Fprintln(w, "Run hotline --help for the commands and their flags.")
	}
}

func exitCode(err error) int {
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

func rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "hotline",
		Short: "A tabletop exercise of the US–China cybercrime hotline mechanism (2015)",
		Long: `Hotline walks players through scripted injects — an OPM-style breach, requests
for assistance, a hotline escalation — while the story clock runs, deadlines
fall due, and every response is reviewed for its timeliness and quality, as the
high-level joint dialogue would review it.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q", args[0])
			}
			return nil
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(scenariosCommand(), validateCommand(), runCommand(), reviewCommand(), replayCommand())
	root.AddCommand(newCommand(), schemaCommand(), graphCommand(), simulateCommand(), testCommand(), mselCommand())
	root.AddCommand(serveCommand())
	root.AddCommand(handbookCommand(), reportCommand(), compareCommand())
	addPlay(root)
	return root
}
