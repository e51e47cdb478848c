// Package eventlog keeps an exercise's events in a JSONL file, one event a
// line, each synced to disk as it is written. The log is the save file: a
// run resumes by replaying it. A crash can at worst cut the last line short;
// Read drops such a line and says so, and Append continues after the last
// whole one.
package eventlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"hotline/game"
)

// Writer appends events to a log file. It holds the file's lock for its
// life: a log has one writer at a time, whichever process it is in.
type Writer struct {
	f    *os.File
	line []byte
}

// Create starts a new log at path, making its directory if needed. It will
// not overwrite an existing file.
func Create(path string) (*Writer, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a directory; name a file for the log, such as %s", path, filepath.Join(path, "run.jsonl"))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s already exists; resume it with \"hotline resume %s\" or choose another file", path, path)
	}
	if err != nil {
		return nil, err
	}
	if err := lock(f); err != nil {
		f.Close()
		return nil, err
	}
	return &Writer{f: f}, nil
}

// Open takes an existing log to continue it: it locks the file, then reads
// it. Nothing in the file changes until Cut; a caller that finds the log is
// not one it can continue closes the writer and leaves the file as it was.
func Open(path string) (*Writer, *Log, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s is not a log file", path)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, nil, err
	}
	if err := lock(f); err != nil {
		f.Close()
		return nil, nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err == nil && len(data) > MaxSize {
		err = errTooLarge
	}
	var log *Log
	if err == nil {
		log, err = Parse(data)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return &Writer{f: f}, log, nil
}

// Cut drops everything after the first size bytes (a line a crash left
// unfinished), so that writing continues after the last whole line.
func (w *Writer) Cut(size int64) error {
	if err := w.f.Truncate(size); err != nil {
		return err
	}
	_, err := w.f.Seek(size, io.SeekStart)
	return err
}

// Write appends one event as a line and syncs the file.
func (w *Writer) Write(ev *game.Event) error {
	b, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	w.line = append(append(w.line[:0], b...), '\n')
	if _, err := w.f.Write(w.line); err != nil {
		return err
	}
	return w.f.Sync()
}

// WriteBatch appends events with a single write, then syncs the file.
func (w *Writer) WriteBatch(events []game.Event) error {
	var err error
	if w.line, err = appendLines(w.line[:0], events); err != nil {
		return err
	}
	if _, err := w.f.Write(w.line); err != nil {
		return err
	}
	return w.f.Sync()
}

// Marshal writes events as a log's lines.
func Marshal(events []game.Event) ([]byte, error) { return appendLines(nil, events) }

func appendLines(b []byte, events []game.Event) ([]byte, error) {
	for i := range events {
		line, err := json.Marshal(&events[i])
		if err != nil {
			return nil, err
		}
		b = append(append(b, line...), '\n')
	}
	return b, nil
}

// Close closes the file.
func (w *Writer) Close() error { return w.f.Close() }

// Path is the log file's name.
func (w *Writer) Path() string { return w.f.Name() }

// Log is a log as read back.
type Log struct {
	Events []game.Event
	// Size is the length in bytes of the whole lines read; Append continues
	// from there.
	Size int64
	// Truncated is set when the last line was cut short and dropped.
	Truncated bool
}

// MaxSize is the largest log read: far more than a day of a class's play.
const MaxSize = 256 << 20

var errTooLarge = fmt.Errorf("the file is larger than %d MiB, more than any exercise writes", MaxSize>>20)

// Read reads a log file.
func Read(path string) (*Log, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a log file", path)
	case st.Size() > MaxSize:
		return nil, errTooLarge
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse reads a log's bytes. Only the last line may be broken (cut short
// or garbled by a crash); a broken line before it means the file is damaged,
// which is an error.
func Parse(data []byte) (*Log, error) {
	l := &Log{}
	for n := 1; len(data) > 0; n++ {
		end := bytes.IndexByte(data, '\n')
		complete := end >= 0
		if !complete {
			end = len(data) - 1
		}
		line := data[:end+1]
		data = data[end+1:]
		var ev game.Event
		err := json.Unmarshal(bytes.TrimSpace(line), &ev)
		if err == nil && complete {
			l.Events = append(l.Events, ev)
			l.Size += int64(len(line))
			continue
		}
		if len(bytes.TrimSpace(data)) > 0 {
			if err == nil {
				err = errors.New("the line is cut short")
			}
			return nil, fmt.Errorf("line %d is damaged: %v", n, err)
		}
		l.Truncated = true
		break
	}
	if len(l.Events) == 0 {
		return nil, errors.New("the log holds no complete event")
	}
	return l, nil
}
