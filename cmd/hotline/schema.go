package main

import (
	"os"

	"github.com/spf13/cobra"

	"hotline/injects/schema"
)

func schemaCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of inject files, for editors",
		Long: `Schema prints the JSON Schema (draft 2020-12) of the inject-file format. With
it, an editor that runs the YAML language server (VS Code with the YAML
extension, Neovim, Helix, Zed, ...) completes keys, explains them on hover and
underlines mistakes as you type. Save it beside your inject files and put this
line at the top of each (hotline new does both):

  ` + schema.EditorLine + `

hotline validate remains the judge: it checks references, conditions and
times, which a schema cannot.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				_, err := cmd.OutOrStdout().Write(schema.JSON())
				return err
			}
			return os.WriteFile(out, schema.JSON(), 0o644)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the schema to this file instead of standard output")
	return cmd
}
