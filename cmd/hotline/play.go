package main

import "github.com/spf13/cobra"

// addPlay wires the terminal exercise into the root command.
func addPlay(root *cobra.Command) {}
