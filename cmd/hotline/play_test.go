//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

// TestResumeAfterKill makes a decision, kills the process with SIGKILL the
// moment the decision is in the log, and resumes: the decision is there.
func TestResumeAfterKill(t *testing.T) {
	dir := t.TempDir()
	logPath := filepath.Join(dir, "run.jsonl")
	env := []string{"XDG_STATE_HOME=" + dir}

	s := startInPTY(t, env, 100, 30, "play", "--scenario", "assistance-request", "--side", "us", "--seed", "3", "--log", logPath)
	s.waitFor(t, "Cascade Composites")
	s.typeKeys(t, "1")
	s.waitFor(t, "Decided")
	waitForFile(t, logPath, `"type":"inject.chosen"`)
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	s.cmd.Wait()

	log, err := eventlog.Read(logPath)
	if err != nil {
		t.Fatal(err)
	}
	if !hasEvent(log.Events, game.InjectChosen, "file-request") || !hasEvent(log.Events, game.RequestOpened, "rfa-cascade") {
		t.Fatalf("the killed run's log lacks the decision and the request it sent: %+v", log.Events)
	}

	r := startInPTY(t, env, 100, 30, "resume", logPath)
	r.waitFor(t, "Send China a request for assistance under the cooperation clause")
	r.typeKeys(t, "q")
	r.waitFor(t, "Quit?")
	r.typeKeys(t, "y")
	r.waitExit(t)
	if out := string(r.output()); !strings.Contains(out, "Continue it with: hotline resume "+logPath) {
		t.Errorf("on quitting, the resumed run did not say how to continue:\n%q", out)
	}

	again, err := eventlog.Read(logPath)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := injects.LoadBuiltin("assistance-request")
	if _, err := game.Replay(sc, again.Events); err != nil {
		t.Fatalf("the resumed log does not replay: %v", err)
	}
	if len(again.Events) < len(log.Events) {
		t.Fatalf("resuming lost events: %d, then %d", len(log.Events), len(again.Events))
	}
}

func hasEvent(events []game.Event, typ game.EventType, what string) bool {
	for _, ev := range events {
		if ev.Type == typ && (ev.Choice == what || ev.Request == what) {
			return true
		}
	}
	return false
}

// sgr matches a Select Graphic Rendition escape sequence.
var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// TestNoColor runs the exercise with NO_COLOR set: the screen has no colour
// sequences, and what colour would say is still there in symbols and words.
func TestNoColor(t *testing.T) {
	dir := t.TempDir()
	s := startInPTY(t, []string{"NO_COLOR=1", "XDG_STATE_HOME=" + dir}, 100, 30,
		"play", "--scenario", "opm-breach", "--side", "us", "--seed", "3")
	s.waitFor(t, "PAUSED")
	s.waitFor(t, "Personnel-records system breached")
	for _, m := range sgr.FindAllStringSubmatch(string(s.output()), -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			if isColour(p) {
				t.Fatalf("a colour sequence %q in a NO_COLOR run", m[0])
			}
		}
	}
	if !strings.Contains(string(s.output()), "⚑") {
		t.Error("the pending decision is not marked by a symbol")
	}
}

// isColour reports whether an SGR parameter sets a colour (39 and 49, back
// to the terminal's default, do not).
func isColour(p string) bool {
	switch {
	case p == "38" || p == "48" || p == "58":
		return true
	case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] != '9':
		return true
	case len(p) == 3 && p[:2] == "10":
		return true
	}
	return false
}

// BenchmarkExecToFirstFrame measures the time from starting the binary to
// its first frame of play, in a pseudo-terminal, beside the same for the
// smallest Bubble Tea program that draws a line (testdata/bare). The two
// run in turn, so that whatever else the machine does weighs on both; the
// figure to read is x-bare, the exercise's time over the bare program's.
func BenchmarkExecToFirstFrame(b *testing.B) {
	hotlineBinary(b)
	bareBinary := bare.binary(b)
	dir := b.TempDir()
	var ours, theirs time.Duration
	i := 0
	for b.Loop() {
		i++
		logPath := filepath.Join(dir, fmt.Sprintf("%d.jsonl", i))
		start := time.Now()
		s := startInPTY(b, []string{"XDG_STATE_HOME=" + dir}, 100, 30, "--scenario", "campaign", "--side", "us", "--seed", "1", "--log", logPath)
		s.waitFor(b, "Personnel-records system breached")
		ours += time.Since(start)
		b.StopTimer()
		s.cmd.Process.Kill()
		s.cmd.Wait()

		start = time.Now()
		s = startProgram(b, bareBinary, nil, 100, 30)
		s.waitFor(b, "Personnel-records system breached")
		theirs += time.Since(start)
		s.cmd.Process.Kill()
		s.cmd.Wait()
		b.StartTimer()
	}
	b.ReportMetric(float64(ours)/float64(i)/1e6, "ms-hotline")
	b.ReportMetric(float64(theirs)/float64(i)/1e6, "ms-bare")
	b.ReportMetric(float64(ours)/float64(theirs), "x-bare")
}

// TestStartScreen opens the program with no arguments, as most players
// will: the start screen offers the built-in scenarios, the default first;
// the next one is chosen and played, and its log is where the program says.
func TestStartScreen(t *testing.T) {
	dir := t.TempDir()
	s := startInPTY(t, []string{"XDG_STATE_HOME=" + dir}, 100, 30)
	s.waitFor(t, "The hotline's first season")
	s.typeKeys(t, "\x1b[C") // → the next scenario
	s.waitFor(t, "Personnel records: espionage is not commercial theft")
	s.typeKeys(t, "\r")
	s.waitFor(t, "Personnel-records system breached")
	s.typeKeys(t, "q")
	s.waitFor(t, "Quit?")
	s.typeKeys(t, "y")
	s.waitExit(t)
	out := string(s.output())
	i := strings.Index(out, "The exercise log is saved in ")
	if i < 0 {
		t.Fatalf("on quitting, the program did not say where the log is:\n%q", out)
	}
	path := strings.TrimSpace(strings.SplitN(out[i+len("The exercise log is saved in "):], "\n", 2)[0])
	log, err := eventlog.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := injects.LoadBuiltin("opm-breach")
	if _, err := game.Replay(sc, log.Events); err != nil {
		t.Errorf("the log of the scenario chosen does not replay on it: %v", err)
	}
}

// TestLogRefusedBeforeTheScreen names a log that exists: the program says
// so and ends before it takes the terminal, as it reads the scenario while
// the terminal gets ready: no screen opens, and nothing asks the terminal
// what it can do, whose answer would land in the shell.
func TestLogRefusedBeforeTheScreen(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "run.jsonl")
	if err := os.WriteFile(logPath, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startInPTY(t, nil, 100, 30, "--scenario", "campaign", "--side", "us", "--log", logPath)
	s.waitFor(t, "\x1b[c") // the error's styles ask for the background colour
	s.typeKeys(t, "\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c")
	s.waitExit(t)
	out := string(s.output())
	if !strings.Contains(out, "already exists") {
		t.Errorf("the program did not say the log exists:\n%q", out)
	}
	if strings.Contains(out, "\x1b[?1049h") || strings.Contains(out, "$p") {
		t.Errorf("the program took the terminal before refusing the log:\n%q", out)
	}
	if code := s.cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
}
