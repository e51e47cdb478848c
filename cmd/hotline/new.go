package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"hotline/injects"
	"hotline/injects/schema"
	"hotline/injects/starter"
)

func newCommand() *cobra.Command {
	var from string
	var sides []string
	cmd := &cobra.Command{
		Use:   "new FILE",
		Short: "Write a commented starting scenario, or a copy of a built-in one",
		Long: `New writes a commented inject file to start from: two teams a side, three
injects, a request for assistance each way, the hotline, a dialogue meeting
and two endings. It validates and plays as written.

With --from it copies a built-in scenario (hotline scenarios lists them) or
another inject file instead. With --sides it names the teams:

  hotline new port.yaml --sides us=fbi,doj --sides cn=mps,mss

New never overwrites a file. It also writes ` + schema.FileName + ` beside the
file, unless one is there, so that editors with the YAML language server
complete and explain keys as you type.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name the file to write: hotline new FILE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			if from != "" && len(sides) > 0 {
				return usagef("--sides shapes the starting file; it cannot be used with --from")
			}
			teams, err := starter.ParseSides(sides)
			if err != nil {
				return usageError{err}
			}
			text, what := starter.File(starter.Options{File: path, Teams: teams}), "a starting scenario"
			if from != "" {
				if text, err = copyOf(from); err != nil {
					return err
				}
				what = "a copy of " + from
			}
			if err := writeNew(path, text); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Wrote %s, %s.\n", path, what)
			schemaPath := filepath.Join(filepath.Dir(path), schema.FileName)
			if err := writeNew(schemaPath, schema.JSON()); err == nil {
				fmt.Fprintf(out, "Wrote %s beside it, for completion in editors.\n", schemaPath)
			} else if !errors.Is(err, fs.ErrExist) {
				return err
			}
			diags := injects.Check(path)
			if err := writeDiagnostics(out, "text", diags); err != nil {
				return err
			}
			fmt.Fprintln(cmd.ErrOrStderr(), summary(diags, 1))
			editorNotes(cmd.ErrOrStderr(), path)
			fmt.Fprintf(out, "Next: hotline run --scenario %s\n", path)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "copy this built-in scenario id or inject file instead")
	cmd.Flags().StringArrayVar(&sides, "sides", nil, "a side's team ids, like us=fbi,dhs; give it once for each side")
	return cmd
}

// copyOf returns the text of a built-in scenario or a file, with the line
// that points editors at the schema.
func copyOf(ref string) ([]byte, error) {
	var text []byte
	var err error
	if injects.IsBuiltin(ref) {
		text, err = injects.BuiltinFile(ref + ".yaml")
		text = append([]byte("# Copied from the built-in scenario "+ref+". Its include: lines name built-in files\n"+
			"# (such as common.yaml), used when no file of that name is beside this one.\n"), text...)
	} else if text, err = os.ReadFile(ref); err != nil {
		if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(ref, `./\`) {
			return nil, usagef("--from %q: no built-in scenario or file of that name; hotline scenarios lists the built-in ones", ref)
		}
		return nil, fmt.Errorf("--from: %w", err)
	}
	if err != nil {
		return nil, err
	}
	if !strings.Contains(string(text), "yaml-language-server:") {
		text = append([]byte(schema.EditorLine+"\n"), text...)
	}
	return text, nil
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existsError{path}
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// existsError refuses to overwrite a file.
type existsError struct{ path string }

func (e existsError) Error() string { return e.path + " already exists; hotline does not overwrite it" }

func (e existsError) Is(target error) bool { return target == fs.ErrExist }
