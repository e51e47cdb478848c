package ui

import (
	"cmp"
	"encoding/binary"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// A panel's drawing depends on what the seat's Game holds, on the panel's
// own state and on the size it was given (docs/architecture.md): two
// students of one team who look at the same thing draw the same. The frame
// keeps the drawing of the panel in front among the table's (Shared) under
// a key made of all three, and a screen that would draw it again takes it
// from there. The panel's own state is read whole, field by field, so that
// a field added to a panel is part of its key without anyone writing it
// down; the pointers to what every component shares (common, Game) are
// left out, and what the drawing reads of them is in the key instead.

// panelKey is what a panel's drawing depends on.
type panelKey struct {
	kind  reflect.Type
	own   string // the panel's own state, field by field
	w, h  int
	dark  bool
	seat  seatKey
	table tableKey
}

// seatKey is who looks: what they may see and do. The name is in it once
// the seat has done something, for a drawing says who decided, unless it
// was the one looking.
type seatKey struct {
	viewer game.Viewer
	side   injects.Side
	role   game.Role
	teams  string
	name   string
}

// tableKey is how the exercise stands, as the seat's Game holds it.
type tableKey struct {
	sc       *injects.Scenario
	seq      int
	now      time.Duration
	speed    time.Duration
	people   *table.Presence // each list is new when it changes
	present  int
	waits    *table.Waiting
	waiting  int
	absent   *table.Absence
	away     int
	logErr   bool
	closed   bool
	rendered int // the briefings rendered so far
}

// shareable reports whether a panel's drawing is kept among the table's:
// the panels of the seats many people have, whose drawing depends on
// nothing but what panelKey holds. (The seats panel reads the real time
// for idle times; the script and the observations are the control cell's
// and the evaluators'.)
func shareable(p panel) bool {
	switch p.(type) {
	case *feed, *requests, *hotline, *review, *journal:
		return true
	}
	return false
}

// drawPanel draws the panel in front, boxed to the body's size, or takes
// its drawing from the table's. A panel that moves its own state as it
// draws (a list that scrolls to keep its selection in view) is drawn
// again until it stands still.
func (f *frame) drawPanel(p panel, w, h int) string {
	if !shareable(p) {
		return f.drawn.box(p.view(), w, h)
	}
	k := f.panelKey(p, w, h)
	if out, ok := f.c.shared.drawings.get(k); ok {
		return out
	}
	out := box(p.view(), w, h)
	if f.panelKey(p, w, h) == k {
		f.c.shared.drawings.put(k, out)
	}
	return out
}

func (f *frame) panelKey(p panel, w, h int) panelKey {
	g := f.c.g
	st := g.State()
	a := g.Actor
	k := panelKey{kind: reflect.TypeOf(p), own: fingerprint(p), w: w, h: h, dark: f.c.styles.IsDark,
		seat: seatKey{viewer: g.Viewer, side: g.Side, role: a.Role, teams: strings.Join(a.Teams, ",")},
		table: tableKey{sc: g.Scenario(), seq: st.Seq, now: st.Now, speed: g.Speed(), logErr: g.LogErr() != nil,
			closed: g.Closed(), rendered: f.c.shared.renderingsMade()}}
	if g.acted {
		k.seat.name = a.Name
	}
	if l := g.People(); len(l) > 0 {
		k.table.people, k.table.present = &l[0], len(l)
	}
	if l := g.Waits(); len(l) > 0 {
		k.table.waits, k.table.waiting = &l[0], len(l)
	}
	if l := g.Absent(); len(l) > 0 {
		k.table.absent, k.table.away = &l[0], len(l)
	}
	return k
}

// fingerprint writes down a value's state, following what it points to
// but for what the components share.
func fingerprint(v any) string {
	var b []byte
	b = appendValue(b, reflect.ValueOf(v), map[uintptr]bool{})
	return string(b)
}

var (
	commonType = reflect.TypeFor[*common]()
	gameType   = reflect.TypeFor[*Game]()
)

func appendValue(b []byte, v reflect.Value, seen map[uintptr]bool) []byte {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.String:
		return append(binary.AppendUvarint(b, uint64(v.Len())), v.String()...)
	case reflect.Struct:
		for i := range v.NumField() {
			b = appendValue(b, v.Field(i), seen)
		}
		return b
	case reflect.Array, reflect.Slice:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		for i := range v.Len() {
			b = appendValue(b, v.Index(i), seen)
		}
		return b
	case reflect.Map:
		type entry struct{ k, v []byte }
		entries := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			entries = append(entries, entry{appendValue(nil, it.Key(), seen), appendValue(nil, it.Value(), seen)})
		}
		slices.SortFunc(entries, func(x, y entry) int { return cmp.Compare(string(x.k), string(y.k)) })
		b = binary.AppendUvarint(b, uint64(len(entries)))
		for _, e := range entries {
			b = append(append(b, e.k...), e.v...)
		}
		return b
	case reflect.Pointer:
		if v.Type() == commonType || v.Type() == gameType {
			return b // shared by the components: the key holds what is read of them
		}
		if v.IsNil() {
			return append(b, 0)
		}
		if seen[v.Pointer()] {
			return binary.AppendUvarint(append(b, 2), uint64(v.Pointer()))
		}
		seen[v.Pointer()] = true
		return appendValue(append(b, 1), v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			return append(b, 0)
		}
		b = append(binary.AppendUvarint(b, uint64(len(v.Elem().Type().String()))), v.Elem().Type().String()...)
		return appendValue(b, v.Elem(), seen)
	}
	// A function, a channel: itself, which no other screen holds.
	return binary.AppendUvarint(append(b, 3), uint64(v.Pointer()))
}
