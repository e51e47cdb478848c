package ui

import "sync"

// Shared is what the screens at one table draw alike, drawn once for all
// of them: the header for a side and a width, the panel in front for what
// it holds and its size (drawkey.go), the tabs, the help line, a
// briefing's Markdown. Each drawing is kept under a key that holds
// everything it depends on, so a screen that asks with the same key gets
// the same text without drawing it. A table's sessions use one Shared at
// once; it keeps the latest drawings and renderings, a bounded number of
// each.
//
// One Shared serves one table: its keys name what a drawing shows, not
// which table it is of.
type Shared struct {
	drawings   generations // drawn for the moment: a new one each time the story moves
	renderings generations // the briefings, drawn for as long as they are read

	mu       sync.Mutex
	rendered int // renderings made: a drawing of a briefing may show one made since
}

// How many drawings and renderings a generation holds: enough for every
// screen of a hall of 300 to draw something of its own between two moves
// of the story (most share), and for a scenario's briefings at a few
// widths. A drawing of a moment gone is never asked for again, so more
// would only hold memory.
const sharedKept, renderingsKept = 1024, 256

// NewShared makes the drawings one table's screens share.
func NewShared() *Shared {
	return &Shared{drawings: newGenerations(sharedKept), renderings: newGenerations(renderingsKept)}
}

// draw returns the drawing kept under key, or draws it and keeps it. The
// key must be comparable and hold everything draw depends on. Drawing is
// done outside the lock: two screens that ask at once may both draw.
func (s *Shared) draw(key any, draw func() string) string {
	if out, ok := s.drawings.get(key); ok {
		return out
	}
	out := draw()
	s.drawings.put(key, out)
	return out
}

// rendering returns the Markdown rendered under key, if it is kept.
func (s *Shared) rendering(key sharedMD) (string, bool) { return s.renderings.get(key) }

// keepRendering keeps a rendering for the screens at the table.
func (s *Shared) keepRendering(key sharedMD, text string) {
	s.renderings.put(key, text)
	s.mu.Lock()
	s.rendered++
	s.mu.Unlock()
}

// renderingsMade is how many renderings have been kept so far.
func (s *Shared) renderingsMade() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rendered
}

// generations keep what was put in them lately: when the current
// generation is full it becomes the old one and the one before is dropped;
// what is found in the old one moves to the current.
type generations struct {
	mu       sync.Mutex
	limit    int
	now, old map[any]string
}

func newGenerations(limit int) generations {
	return generations{limit: limit, now: map[any]string{}}
}

func (g *generations) get(key any) (string, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	out, ok := g.now[key]
	if !ok {
		if out, ok = g.old[key]; ok {
			g.keep(key, out)
		}
	}
	return out, ok
}

func (g *generations) put(key any, out string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.keep(key, out)
}

// keep adds to the current generation; the caller holds the lock.
func (g *generations) keep(key any, out string) {
	if len(g.now) >= g.limit {
		g.old, g.now = g.now, make(map[any]string, g.limit)
	}
	g.now[key] = out
}
