package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestWatchLoop(t *testing.T) {
	events := make(chan fsnotify.Event)
	errs := make(chan error)
	renders := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- watchLoop(ctx, events, errs, 0, func() { renders <- struct{}{} })
	}()
	<-renders // at once, before any change
	events <- fsnotify.Event{Name: "notes.txt", Op: fsnotify.Write}
	events <- fsnotify.Event{Name: "port.yaml", Op: fsnotify.Chmod}
	events <- fsnotify.Event{Name: "port.yaml", Op: fsnotify.Write}
	<-renders
	if len(renders) != 0 {
		t.Errorf("a change to another file, or to permissions, rendered again")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("stopped with %v", err)
	}

	go func() { done <- watchLoop(context.Background(), events, errs, 0, func() {}) }()
	errs <- errors.New("too many open files")
	if err := <-done; err == nil || !strings.Contains(err.Error(), "too many open files") {
		t.Errorf("a watcher error: %v", err)
	}
}

// TestWatchSeesASave saves a file in a watched directory, as an editor
// does, and waits for the findings to be written again.
func TestWatchSeesASave(t *testing.T) {
	path := write(t, "port.yaml", goodFile)
	var out bytes.Buffer
	renders := make(chan string, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error)
	go func() {
		done <- watchFiles(ctx, []string{path}, 0, func() {
			out.Reset()
			renderValidation(&out, []string{path}, "text", false, time.Date(2015, 10, 5, 9, 0, 0, 0, time.UTC))
			renders <- out.String()
		})
	}()
	if first := <-renders; !strings.Contains(first, "09:00:00: 0 errors, 0 warnings in 1 file") {
		t.Fatalf("first render:\n%s", first)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(goodFile, "title: Terminal", "tittle: Terminal", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// A save may come as several events; wait for the render that shows it.
	giveUp := time.After(30 * time.Second)
	for got := ""; !strings.Contains(got, "unknown-key"); {
		select {
		case got = <-renders:
		case err := <-done:
			t.Fatalf("the watch stopped: %v", err)
		case <-giveUp:
			t.Fatal("no render after the save")
		}
		if strings.Contains(got, "unknown-key") && !strings.Contains(got, filepath.Base(path)+`:7:66: error: inject "port-down": unknown key "tittle"`) {
			t.Errorf("after the save:\n%s", got)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("stopped with %v", err)
	}
}
