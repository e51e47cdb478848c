package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/fsnotify/fsnotify"

	"hotline/injects"
)

// debounce is how long validate --watch waits after a change for the rest
// of a save (editors often write a file in several steps).
const debounce = 150 * time.Millisecond

// watchValidate validates the files, then again on every change to an
// inject file in their directories (which holds what they include from
// beside them), until interrupted.
func watchValidate(ctx context.Context, out io.Writer, files []string, format string) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	clear := false
	if f, ok := out.(*os.File); ok && term.IsTerminal(f.Fd()) && format == "text" {
		clear = true
	}
	return watchFiles(ctx, files, debounce, func() { renderValidation(out, files, format, clear, time.Now()) })
}

// watchFiles renders, then renders again after changes to inject files in
// the directories of files, until ctx ends.
func watchFiles(ctx context.Context, files []string, wait time.Duration, render func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch the files: %w", err)
	}
	defer w.Close()
	var dirs []string
	for _, f := range files {
		if d := filepath.Dir(f); !slices.Contains(dirs, d) {
			if err := w.Add(d); err != nil {
				return fmt.Errorf("cannot watch %s: %w", d, err)
			}
			dirs = append(dirs, d)
		}
	}
	return watchLoop(ctx, w.Events, w.Errors, wait, render)
}

// watchLoop renders once, then after every change to an inject file, a
// quiet spell of wait after the last.
func watchLoop(ctx context.Context, events <-chan fsnotify.Event, errs <-chan error, wait time.Duration, render func()) error {
	render()
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-errs:
			return fmt.Errorf("watching the files: %w", err)
		case ev := <-events:
			ext := strings.ToLower(filepath.Ext(ev.Name))
			if (ext != ".yaml" && ext != ".yml") || ev.Op == fsnotify.Chmod {
				continue
			}
			if wait == 0 {
				render()
				continue
			}
			timer = time.After(wait)
		case <-timer:
			timer = nil
			render()
		}
	}
}

// renderValidation writes the findings, on a cleared screen when the output
// is a terminal.
func renderValidation(out io.Writer, files []string, format string, clear bool, now time.Time) {
	var all injects.Diagnostics
	for _, f := range files {
		all = append(all, injects.Check(f)...)
	}
	if clear {
		fmt.Fprint(out, "\x1b[H\x1b[2J")
	}
	if format == "text" {
		fmt.Fprintf(out, "hotline validate --watch, %s: %s (Ctrl-C to stop)\n\n", now.Format("15:04:05"), summary(all, len(files)))
	}
	writeDiagnostics(out, format, all)
}
