// Package eventlog keeps an exercise's events in a JSONL file, one event a
// line, each synced to disk as it is written. The log is the save file: a
// run resumes by replaying it. A crash can at worst cut the last line short;
// Read drops such a line and says so, and Append continues after the last
// whole one.
package eventlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

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
	// Truncated is set when the end of the file was dropped: a last line
	// cut short, or blank lines after the last event. Dropped says which.
	Truncated bool
	Dropped   string
}

// MaxSize is the largest log read: far more than a day of a class's play.
const MaxSize = 256 << 20

var errTooLarge = fmt.Errorf("the file is larger than %d MiB, more than any exercise writes", MaxSize>>20)

// Read reads a log file.
func Read(path string) (*Log, error) {
	r, err := OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readAll(r)
}

// Parse reads a log's bytes. Only the last line may be broken (cut short
// or garbled by a crash); a broken line before it means the file is damaged,
// which is an error.
func Parse(data []byte) (*Log, error) {
	if len(data) > MaxSize {
		return nil, errTooLarge
	}
	return readAll(NewReader(bytes.NewReader(data)))
}

func readAll(r *Reader) (*Log, error) {
	l := &Log{}
	for {
		ev, _, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		l.Events = append(l.Events, ev)
	}
	if len(l.Events) == 0 {
		return nil, errors.New("the log holds no complete event")
	}
	l.Size, l.Dropped = r.Size(), r.Dropped()
	l.Truncated = l.Dropped != ""
	return l, nil
}

// OpenReader opens a log file to read it a line at a time, as a review
// does: memory does not grow with the log.
func OpenReader(path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	switch {
	case err != nil:
	case !st.Mode().IsRegular():
		err = fmt.Errorf("%s is not a log file", path)
	case st.Size() > MaxSize:
		err = errTooLarge
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	r := NewReader(f)
	r.closer = f
	return r, nil
}

// Reader reads a log's events one line at a time. Each line must be what
// hotline writes, byte for byte: the JSON object of one event, its fields
// in hotline's order and spelling, without spaces, escapes hotline would
// not write, a field twice or a field it does not know, ending in a line
// feed. A log that was edited, even in ways that leave the events as they
// were, is refused at the first line that differs. Only the end of the
// file may be broken: a last line cut short or garbled by a crash, or
// blank lines, are dropped and said (Dropped).
type Reader struct {
	r       *bufio.Reader
	closer  io.Closer
	n       int   // lines read
	size    int64 // bytes of the whole lines read
	read    int64 // bytes read in all
	dropped string
	events  int // events returned
	line    []byte
	written []byte
	peeked  *peeked
}

type peeked struct {
	ev   game.Event
	line []byte
	err  error
}

// NewReader reads a log from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(io.LimitReader(r, MaxSize+1), 64<<10)}
}

// Next returns the next event and its line as written (without its line
// feed; valid until the next call), or io.EOF after the last.
func (r *Reader) Next() (game.Event, []byte, error) {
	if p := r.peeked; p != nil {
		r.peeked = nil
		return p.ev, p.line, p.err
	}
	ev, line, err := r.next()
	if err == nil {
		r.events++
	}
	return ev, line, err
}

// Peek returns the event Next will return, without taking it.
func (r *Reader) Peek() (game.Event, error) {
	if r.peeked == nil {
		ev, line, err := r.Next()
		r.peeked = &peeked{ev, bytes.Clone(line), err}
	}
	return r.peeked.ev, r.peeked.err
}

func (r *Reader) next() (game.Event, []byte, error) {
	line, err := r.readLine()
	if err != nil {
		return game.Event{}, nil, err
	}
	r.n++
	whole := line[len(line)-1] == '\n'
	body := bytes.TrimSuffix(line, []byte("\n"))
	if len(bytes.TrimSpace(body)) == 0 && whole {
		if !r.blankToEnd() {
			return game.Event{}, nil, fmt.Errorf("line %d is blank; hotline writes no blank lines between events", r.n)
		}
		return game.Event{}, nil, io.EOF
	}
	var ev game.Event
	err = json.Unmarshal(body, &ev)
	if err != nil || !whole {
		if r.atEnd() {
			r.dropped = "the last line was cut short (the run stopped while writing it)"
			return game.Event{}, nil, io.EOF
		}
		if err == nil {
			err = errors.New("the line is cut short")
		}
		return game.Event{}, nil, fmt.Errorf("line %d is damaged: %v", r.n, r.explain(body, err))
	}
	if r.written, err = json.Marshal(&ev); err != nil {
		return game.Event{}, nil, fmt.Errorf("line %d: %v", r.n, err)
	}
	if !bytes.Equal(r.written, body) {
		return game.Event{}, nil, fmt.Errorf("line %d is not as hotline wrote it: %s", r.n, edited(body, r.written))
	}
	r.size += int64(len(line))
	return ev, body, nil
}

// readLine reads one line with its line feed, or what is left at the end
// of the file; io.EOF when nothing is.
func (r *Reader) readLine() ([]byte, error) {
	r.line = r.line[:0]
	for {
		chunk, err := r.r.ReadSlice('\n')
		r.line = append(r.line, chunk...)
		r.read += int64(len(chunk))
		switch {
		case r.read > MaxSize: // the reader stops one byte past
			return nil, errTooLarge
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(r.line) > 0:
			return r.line, nil
		case err != nil:
			return nil, err
		}
		return r.line, nil
	}
}

// atEnd reports whether nothing but blank space follows.
func (r *Reader) atEnd() bool {
	for {
		b, err := r.r.ReadByte()
		if err != nil {
			return true
		}
		if !bytes.ContainsRune([]byte(" \t\r\n"), rune(b)) {
			r.r.UnreadByte()
			return false
		}
	}
}

// blankToEnd reads past the blank lines after a blank line. It reports
// whether the file ends there, and notes the blank lines dropped.
func (r *Reader) blankToEnd() bool {
	blank := 1
	for {
		b, err := r.r.ReadByte()
		if err != nil {
			r.dropped = fmt.Sprintf("the log ends with %d blank line%s, which hotline does not write", blank, plural(blank))
			return true
		}
		switch b {
		case '\n':
			blank++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// explain words a line that does not read as an event.
func (r *Reader) explain(body []byte, err error) error {
	if r.n == 1 && bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return errors.New("it starts with a byte-order mark (U+FEFF), which hotline does not write: an editor saved the file; a log is not edited")
	}
	return err
}

// edited says how a line that reads as an event differs from what hotline
// writes for it.
func edited(line, written []byte) string {
	switch {
	case bytes.HasSuffix(line, []byte("\r")):
		return "it ends with a carriage return (CRLF); hotline ends lines with a line feed alone"
	case bytes.HasPrefix(line, []byte("\xef\xbb\xbf")):
		return "it starts with a byte-order mark (U+FEFF), which hotline does not write"
	}
	known := fieldNames(written)
	seen := map[string]bool{}
	for _, k := range fieldNames(line) {
		if seen[k] {
			return fmt.Sprintf("it has the field %q twice", k)
		}
		seen[k] = true
		if !slices.Contains(known, k) {
			return fmt.Sprintf("it has a field %q that hotline does not write there", k)
		}
	}
	return fmt.Sprintf("it is spelled differently (spaces, escapes or the order of fields): the log has %s; hotline writes %s", clip(line), clip(written))
}

// fieldNames lists the names of a JSON object's fields in order, repeats
// included.
func fieldNames(line []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var names []string
	for dec.More() {
		t, err := dec.Token()
		name, ok := t.(string)
		if err != nil || !ok {
			return names
		}
		names = append(names, name)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return names
		}
	}
	return names
}

// clip shortens a line for a message.
func clip(b []byte) string {
	const most = 120
	if len(b) > most {
		return string(b[:most]) + "…"
	}
	return string(b)
}

// Events is how many events Next has returned.
func (r *Reader) Events() int { return r.events }

// Size is the length in bytes of the whole lines read so far.
func (r *Reader) Size() int64 { return r.size }

// Dropped says what was dropped at the end of the file, once Next has
// returned io.EOF: "" when nothing was.
func (r *Reader) Dropped() string { return r.dropped }

// Close closes the file OpenReader opened.
func (r *Reader) Close() error {
	if r.closer == nil {
		return nil
	}
	return r.closer.Close()
}
