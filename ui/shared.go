package ui

import "sync"

// Shared is what the screens at one table draw alike, drawn once for all
// of them: the header for a side and a width, a panel for what it holds
// and its size, a briefing's Markdown. Each drawing is kept under a key
// that holds everything it depends on, so a screen that asks with the same
// key gets the same text without drawing it. A table's sessions use one
// Shared at once; it keeps the latest drawings, a bounded number of them.
//
// One Shared serves one table: its keys name what a drawing shows, not
// which table it is of.
type Shared struct {
	mu       sync.Mutex
	now, old map[any]string
}

// sharedKept is how many drawings a generation holds: a hall of 300
// screens at a dozen widths and selections draws far fewer between two
// moves of the story.
const sharedKept = 4096

// NewShared makes the drawings one table's screens share.
func NewShared() *Shared { return &Shared{now: map[any]string{}} }

// draw returns the drawing kept under key, or draws it and keeps it. The
// key must be comparable and hold everything draw depends on. Drawing is
// done outside the lock: two screens that ask at once may both draw.
func (s *Shared) draw(key any, draw func() string) string {
	s.mu.Lock()
	out, ok := s.now[key]
	if !ok {
		if out, ok = s.old[key]; ok {
			s.keep(key, out)
		}
	}
	s.mu.Unlock()
	if ok {
		return out
	}
	out = draw()
	s.mu.Lock()
	s.keep(key, out)
	s.mu.Unlock()
	return out
}

// lookup returns the drawing kept under key, if there is one.
func (s *Shared) lookup(key any) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out, ok := s.now[key]
	if !ok {
		out, ok = s.old[key]
	}
	return out, ok
}

// put keeps a drawing made elsewhere (a rendering that came back from a
// command).
func (s *Shared) put(key any, out string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keep(key, out)
}

// keep adds a drawing to the current generation; a full generation becomes
// the old one, and the one before is dropped. The caller holds the lock.
func (s *Shared) keep(key any, out string) {
	if len(s.now) >= sharedKept {
		s.old, s.now = s.now, make(map[any]string, sharedKept)
	}
	s.now[key] = out
}
