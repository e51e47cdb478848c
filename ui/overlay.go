package ui

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// An overlay is drawn over a screen: the help, a confirmation, an incoming
// call, a form. The one on top takes every key; it may pass a key back
// (act.pass) for the seat's own keys (the clock, help, quit), never for the
// panel beneath it.
type overlay interface {
	update(msg tea.KeyPressMsg) act
	view(w, h int) string
	help() []key.Binding
	region() region
}

// A paster is an overlay that takes what the terminal pastes: a form's
// text boxes.
type paster interface{ paste(msg tea.PasteMsg) act }

// region is where an overlay draws.
type region uint8

const (
	overPanels region = iota // in place of the panels
	overStatus               // on the status line
)

// grace is how long keys are ignored after an overlay came or went by
// itself (a call rang, a call was answered elsewhere): long enough that a
// digit meant for what was in front a moment before does not act on what
// is in front now, too short to be noticed.
const grace = 400 * time.Millisecond

// overlays are the overlays open over a screen, the last on top.
type overlays struct {
	stack []overlay
	now   func() time.Time
	quiet time.Time // keys are ignored until then
}

// push opens an overlay the person asked for: it takes their next key.
func (o *overlays) push(x overlay) {
	o.stack = append(o.stack, x)
	o.quiet = time.Time{}
}

// interrupt opens an overlay nobody asked for, such as an incoming call:
// it ignores keys for the grace period.
func (o *overlays) interrupt(x overlay) {
	o.stack = append(o.stack, x)
	o.quiet = o.now().Add(grace)
}

// top is the overlay that takes keys, or nil.
func (o *overlays) top() overlay {
	if len(o.stack) == 0 {
		return nil
	}
	return o.stack[len(o.stack)-1]
}

// on is the overlay drawn in a region: the topmost over the panels, and on
// the status line only the one on top.
func (o *overlays) on(r region) overlay {
	if r == overStatus {
		if t := o.top(); t != nil && t.region() == overStatus {
			return t
		}
		return nil
	}
	for i := len(o.stack) - 1; i >= 0; i-- {
		if o.stack[i].region() == r {
			return o.stack[i]
		}
	}
	return nil
}

// key gives a key to the top overlay, which closes when it says so; false
// when no overlay is open. A key in the grace period is taken and ignored.
func (o *overlays) key(msg tea.KeyPressMsg) (act, bool) {
	if o.now().Before(o.quiet) {
		return act{}, true
	}
	t := o.top()
	if t == nil {
		return act{}, false
	}
	a := t.update(msg)
	if a.close {
		o.stack = slices.DeleteFunc(o.stack, func(x overlay) bool { return x == t })
	}
	return a, true
}

// closeWhere closes the overlays that match, as news overtakes them (a
// call answered elsewhere), and reports whether one did. When the top one
// goes this way, keys are ignored for the grace period, as when a new one
// opens.
func (o *overlays) closeWhere(match func(overlay) bool) bool {
	t, n := o.top(), len(o.stack)
	o.stack = slices.DeleteFunc(o.stack, match)
	if t != nil && o.top() != t {
		o.quiet = o.now().Add(grace)
	}
	return len(o.stack) < n
}
