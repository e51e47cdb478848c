package eventlog_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/eventlog"
	"hotline/injects"
)

// runLog plays the OPM scenario headless and returns its events and the log
// file they make, one JSON line each.
func runLog(t *testing.T) ([]game.Event, []byte) {
	t.Helper()
	sc, diags := injects.LoadBuiltin("opm-breach")
	if sc == nil {
		t.Fatal(diags)
	}
	var events []game.Event
	var data bytes.Buffer
	_, err := game.Play(sc, 3, [2]string{"by-the-book", "slow-walking"}, func(_ *game.State, ev *game.Event) {
		events = append(events, *ev)
		b, err := json.Marshal(ev)
		if err != nil {
			t.Fatal(err)
		}
		data.Write(b)
		data.WriteByte('\n')
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) < 20 {
		t.Fatalf("only %d events", len(events))
	}
	return events, data.Bytes()
}

// lineStarts returns the offset at which each line starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "run.jsonl")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func marshal(t *testing.T, events []game.Event) []byte {
	t.Helper()
	b, err := eventlog.Marshal(events)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadWholeLog(t *testing.T) {
	events, data := runLog(t)
	log, err := eventlog.Read(writeFile(t, data))
	if err != nil {
		t.Fatal(err)
	}
	if log.Truncated || log.Size != int64(len(data)) || len(log.Events) != len(events) {
		t.Fatalf("read %d of %d events, size %d of %d, truncated %v", len(log.Events), len(events), log.Size, len(data), log.Truncated)
	}
	if !bytes.Equal(marshal(t, log.Events), data) {
		t.Error("the events read back do not marshal to the same lines")
	}
}

func TestTruncatedLastLine(t *testing.T) {
	events, data := runLog(t)
	starts := lineStarts(data)
	last := starts[len(starts)-1]
	lastLine := data[last:]
	cases := []struct {
		name string
		tail []byte // what stands in place of the last line
	}{
		{"cut in the middle", lastLine[:len(lastLine)/2]},
		{"cut after one byte", lastLine[:1]},
		{"cut before the newline", lastLine[:len(lastLine)-1]},
		{"garbled", []byte(`{"seq":` + strings.Repeat("\x00", 9) + "\n")},
		{"garbled without newline", []byte("#!@ not json")},
		{"an unknown event type", []byte(`{"seq":99,"at":"1d","type":"exercise.exploded"}` + "\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			damaged := append(append([]byte(nil), data[:last]...), c.tail...)
			path := writeFile(t, damaged)
			log, err := eventlog.Read(path)
			if err != nil {
				t.Fatalf("a damaged last line is an error: %v", err)
			}
			if !log.Truncated {
				t.Error("Truncated is not set")
			}
			if len(log.Events) != len(events)-1 || log.Size != int64(last) {
				t.Fatalf("read %d events and %d bytes; want %d and %d", len(log.Events), log.Size, len(events)-1, last)
			}
			if !bytes.Equal(marshal(t, log.Events), data[:last]) {
				t.Error("the events before the damaged line are not read as they were")
			}

			// Continue the log after the last whole line: the damaged
			// line goes, the new event follows.
			w, opened, err := eventlog.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if opened.Size != log.Size || !opened.Truncated {
				t.Fatalf("Open reads %d bytes, truncated %v; Read %d", opened.Size, opened.Truncated, log.Size)
			}
			if err := w.Cut(opened.Size); err != nil {
				t.Fatal(err)
			}
			if err := w.Write(&events[len(events)-1]); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, data) {
				t.Fatalf("after Cut and Write the file differs from the whole log:\n%q", got[last:])
			}
			log, err = eventlog.Read(path)
			if err != nil || log.Truncated || len(log.Events) != len(events) {
				t.Fatalf("the repaired log reads back with %v, truncated %v, %d events", err, log != nil && log.Truncated, len(events))
			}
		})
	}
}

func TestDamagedLineInTheMiddle(t *testing.T) {
	_, data := runLog(t)
	starts := lineStarts(data)
	for _, n := range []int{1, 5, len(starts) - 1} { // line n+1, counting from 1
		damaged := append([]byte(nil), data...)
		// Garble the line without changing its length.
		for i := starts[n]; i < starts[n]+8; i++ {
			damaged[i] = '#'
		}
		_, err := eventlog.Read(writeFile(t, damaged))
		if n == len(starts)-1 {
			if err != nil {
				t.Errorf("a garbled last line is an error: %v", err)
			}
			continue
		}
		want := "line " + itoa(n+1) + " is damaged"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("garbled line %d: error %v, want one saying %q", n+1, err, want)
		}
	}
	// A line cut short in the middle of the file.
	cut := append(append([]byte(nil), data[:starts[3]-10]...), data[starts[3]-1:]...)
	if _, err := eventlog.Parse(cut); err == nil || !strings.Contains(err.Error(), "line 3 is damaged") {
		t.Errorf("a short line 3: error %v", err)
	}
	// Nothing whole at all.
	if _, err := eventlog.Parse(data[:starts[1]/2]); err == nil || !strings.Contains(err.Error(), "no complete event") {
		t.Errorf("half a first line: error %v", err)
	}
}

func TestAppendedLogResumes(t *testing.T) {
	events, data := runLog(t)
	sc, _ := injects.LoadBuiltin("opm-breach")
	starts := lineStarts(data)
	// A crash leaves half a line after a whole story step.
	k := len(starts) / 2
	for events[k].At == events[k-1].At {
		k++
	}
	path := writeFile(t, data[:starts[k]+7])
	w, log, err := eventlog.Open(path)
	if err != nil || !log.Truncated || len(log.Events) != k {
		t.Fatalf("read %v events, truncated %v, error %v", len(log.Events), log.Truncated, err)
	}
	s, err := game.Resume(sc, log.Events, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Cut(log.Size); err != nil {
		t.Fatal(err)
	}
	var writeErr error
	s.Engine.Observe(func(_ *game.State, ev *game.Event) {
		if writeErr == nil {
			writeErr = w.Write(ev)
		}
	})
	if err := s.Advance(sc.End); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil || writeErr != nil {
		t.Fatal(err, writeErr)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("the resumed log differs from the uninterrupted one")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// One writer per log: a second, in this process or another, is refused
// with a message that says who holds it, and the file is left as it was.
func TestOneWriterPerLog(t *testing.T) {
	_, data := runLog(t)
	path := writeFile(t, data)
	w, _, err := eventlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = eventlog.Open(path)
	var busy *eventlog.BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("a second writer: %v, want a BusyError", err)
	}
	if want := fmt.Sprintf("is being written by process %d", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("the refusal %q does not say %q", err, want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// Closed, the lock is free again.
	w2, _, err := eventlog.Open(path)
	if err != nil {
		t.Fatalf("after the first writer closed: %v", err)
	}
	w2.Close()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("opening the log changed it")
	}
}

// A log's lock belongs to the process: another process is refused while
// this one holds it.
func TestLockHoldsAcrossProcesses(t *testing.T) {
	if os.Getenv("HOTLINE_LOCK_CHILD") != "" {
		_, _, err := eventlog.Open(os.Getenv("HOTLINE_LOCK_CHILD"))
		fmt.Print(err)
		os.Exit(0)
	}
	_, data := runLog(t)
	path := writeFile(t, data)
	w, _, err := eventlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHoldsAcrossProcesses$")
	cmd.Env = append(os.Environ(), "HOTLINE_LOCK_CHILD="+path)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("is being written by process %d", os.Getpid()); !strings.Contains(string(out), want) {
		t.Errorf("the other process was told %q; want it to say %q", out, want)
	}
}

func TestLogIsAFileNotADirectory(t *testing.T) {
	dir := t.TempDir()
	if _, err := eventlog.Create(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("creating a log on a directory: %v", err)
	}
	if _, _, err := eventlog.Open(dir); err == nil || !strings.Contains(err.Error(), "not a log file") {
		t.Errorf("opening a directory as a log: %v", err)
	}
}

// Errors in a log's lines speak of the log's fields, never of Go's types.
func TestDamagedFieldsInWords(t *testing.T) {
	cases := map[string]string{
		`{"seq":"one","at":"0m","type":"exercise.started"}`:                     "seq: found text where the log format has a whole number",
		`{"seq":1,"at":"0m","type":"exercise.started","start":{"seed":"x"}}`:    "seed: found text where the log format has a whole number",
		`{"seq":1,"at":"0m","type":"exercise.started","start":{"players":"x"}}`: "players: found text where the log format has a list",
		`{"seq":1,"at":"0m","type":"hotline.rang","side":"mars"}`:               "side:",
		`{"seq":1,"at":"0m","type":"variable.set","value":[1]}`:                 "value: expected a number, a word or true/false",
		`{"seq":1,"at":"0m","type":"variable.set","value":1e300}`:               "is not a whole number the exercise can hold",
	}
	for line, want := range cases {
		data := []byte(line + "\n" + line + "\n")
		_, err := eventlog.Parse(data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", line, err, want)
			continue
		}
		for _, goWord := range []string{"Go struct", "uint64", "int64", "[]", "game.", "json:"} {
			if strings.Contains(err.Error(), goWord) {
				t.Errorf("%s: the error %q speaks of Go (%s)", line, err, goWord)
			}
		}
	}
}
