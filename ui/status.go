package ui

// statusLine says what just happened, or what went wrong: the last thing
// said wins. An overlay on the status line (a confirmation, a prompt)
// draws in its place.
type statusLine struct {
	c    *common
	last status
}

func (l *statusLine) set(s status) { l.last = s }

func (l *statusLine) height() int { return 1 }

func (l *statusLine) view(w int) string {
	s, text := l.c.styles, l.last.text
	switch l.last.kind {
	case statusGood:
		text = s.Good.Render(text)
	case statusBad:
		text = s.Bad.Render(text)
	}
	return pad(text, w)
}
