package eventlog

import (
	"sync"

	"hotline/game"
)

// Recorder writes events to a log on a goroutine of its own, so that a
// caller such as a terminal UI's update loop never waits on the disk. Each
// event is written and synced as soon as the goroutine gets to it; Close
// waits until every recorded event is on disk.
type Recorder struct {
	w    *Writer
	ch   chan []game.Event
	done chan struct{}

	mu  sync.Mutex
	err error
}

// NewRecorder starts recording to w.
func NewRecorder(w *Writer) *Recorder {
	r := &Recorder{w: w, ch: make(chan []game.Event, 4096), done: make(chan struct{})}
	go r.run()
	return r
}

func (r *Recorder) run() {
	defer close(r.done)
	for batch := range r.ch {
		if r.Err() != nil {
			continue // keep draining so Record never blocks for good
		}
		if err := r.w.WriteBatch(batch); err != nil {
			r.mu.Lock()
			r.err = err
			r.mu.Unlock()
		}
	}
}

// Record queues events for writing, all in one write so that a crash keeps
// all of them or none: give it everything one step of play made. The
// recorder owns the slice from then on. It blocks only when thousands of
// batches are waiting for the disk.
func (r *Recorder) Record(batch []game.Event) {
	if len(batch) > 0 {
		r.ch <- batch
	}
}

// Err returns the first write error, if any: from then on the log is
// incomplete and the player must be told.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// Path is the log file's name.
func (r *Recorder) Path() string { return r.w.Path() }

// Close writes everything recorded, closes the file, and returns the first
// error met on the way.
func (r *Recorder) Close() error {
	close(r.ch)
	<-r.done
	cerr := r.w.Close()
	if err := r.Err(); err != nil {
		return err
	}
	return cerr
}
