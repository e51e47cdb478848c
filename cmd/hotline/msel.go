package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"hotline/injects/msel"
)

func mselCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "msel",
		Short: "Export a scenario's MSEL to a spreadsheet, or import one",
		Long: `Msel moves a scenario's Master Scenario Events List between Hotline and the
spreadsheets HSEEP exercise planners keep it in (.xlsx or .csv). The columns:

  Event, Inject ID, Time, Story time (Washington), Story time (Beijing), From,
  To, Method / channel, Subject, Message, Expected player action, Objective,
  Controller notes

docs/authoring.md explains what each column holds and how a sheet written by
hand is read.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usagef("say what to do: hotline msel export SCENARIO -o FILE, or hotline msel import SHEET -o FILE.yaml")
		},
	}
	cmd.AddCommand(mselExport(), mselImport())
	return cmd
}

func mselExport() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export SCENARIO -o FILE.xlsx|FILE.csv",
		Short: "Write a scenario's injects as an MSEL spreadsheet",
		Long: `Export writes the MSEL of a scenario (a built-in id or an inject file): a row
for each inject, those with a fixed time first, in time order. The file's
extension chooses the format: .xlsx for Excel and LibreOffice, .csv for
anything. It does not overwrite a file unless given --force.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one scenario to export: hotline msel export SCENARIO -o FILE.xlsx")
			}
			if out == "" {
				return usagef("say where to write the sheet with -o FILE.xlsx or -o FILE.csv")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, err := loadScenario(cmd.ErrOrStderr(), args[0])
			if err != nil {
				return err
			}
			if err := mayWrite(out, force); err != nil {
				return err
			}
			s := msel.Export(sc)
			if err := s.Write(out); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s: %s.\n", out, plural(len(s.Rows), "inject"))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the sheet to write: FILE.xlsx or FILE.csv")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the sheet")
	return cmd
}

// mayWrite refuses to write over a file without --force, saying so.
func mayWrite(path string, force bool) error {
	if _, err := os.Stat(path); err == nil && !force {
		return fmt.Errorf("%s already exists; hotline does not overwrite it without --force", path)
	}
	return nil
}

func mselImport() *cobra.Command {
	var out, base string
	var force bool
	cmd := &cobra.Command{
		Use:   "import SHEET.xlsx|SHEET.csv -o FILE.yaml",
		Short: "Turn an MSEL spreadsheet into an inject file",
		Long: `Import reads an MSEL from a .xlsx or .csv sheet, exported by Hotline or written
by hand with the same columns, and writes an inject file that validates.

With --base FILE (the inject file or built-in scenario the sheet came from),
the new file is that file with its injects as the sheet lists them: requests,
endings and the rest are kept, and so is what the sheet cannot hold of each
inject (effects, choices' effects and tones, deadlines' effects). Injects the
sheet drops are removed; new rows become new injects. Without --base, the file
is made from the sheet alone, on the built-in delegations of common.yaml.

Each problem is reported at its cell, as SHEET.xlsx:MSEL!C14: error: message.
Nothing is written when there are errors. Import does not overwrite a file
unless given --force.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("name one sheet to import: hotline msel import SHEET.xlsx -o FILE.yaml")
			}
			if out == "" {
				return usagef("say where to write the inject file with -o FILE.yaml")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := mayWrite(out, force); err != nil {
				return err
			}
			s, err := msel.Read(args[0])
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: error: cannot read: no such file\n", args[0])
					return exitError{2}
				}
				fmt.Fprintln(cmd.OutOrStdout(), err)
				return exitError{1}
			}
			text, found := msel.Import(s, msel.Options{Output: out, Base: base})
			for _, f := range found {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			errs := found.Errors()
			fmt.Fprintf(cmd.ErrOrStderr(), "%s, %s\n", plural(errs, "error"), plural(len(found)-errs, "warning"))
			if errs > 0 {
				if base == "" {
					// A sheet holds injects alone: what they name may live in the file it came from.
					fmt.Fprintln(cmd.ErrOrStderr(), "A sheet holds only the injects: to keep the requests, endings and rules they refer to, give the file it came from with --base FILE.")
				}
				return exitError{1}
			}
			if err := os.WriteFile(out, text, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s: %s.\n", out, plural(len(s.Rows), "row"))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the inject file to write")
	cmd.Flags().StringVar(&base, "base", "", "the inject file or built-in scenario whose rules the new file keeps")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the output file")
	return cmd
}
