package table

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
)

// A class's clock waits for the room. When something reaches a seated team
// that it must answer (game.Owed, while New: a decision on an inject, a
// hotline call ringing at its side, a request just arrived), the story
// clock stands still for up to the table's wait, in real time, while the
// team talks it over; it runs on once everything it waits for is answered,
// or each wait is up, or the facilitator runs it on. A wait counts down
// only while the clock runs: a pause keeps what is left of it.

// Waiting is something the clock waits for, and how much of the wait was
// left, in real time, at a moment: the wait counts down from then while
// the clock runs.
type Waiting struct {
	Owed game.Owed
	Left time.Duration
	At   time.Time
}

// LeftAt is how much of the wait is left at now, if the clock has run
// since the moment the wait was told.
func (w Waiting) LeftAt(now time.Time) time.Duration { return max(w.Left-now.Sub(w.At), 0) }

// holding is the table's own record of a wait.
type holding struct {
	owed game.Owed
	left time.Duration
	off  bool // the facilitator ran the clock on, or the wait is up
}

// hold counts elapsed real time off the waits and reports whether the
// clock still waits; the screens hear when a wait ends.
func (t *Table) hold(elapsed time.Duration) bool {
	waiting, ended := false, false
	for _, h := range t.waits {
		if h.off {
			continue
		}
		h.left -= elapsed
		if h.left <= 0 {
			h.left, h.off, ended = 0, true, true
			continue
		}
		waiting = true
	}
	if ended {
		t.listWaits()
		t.notify()
	}
	return waiting
}

// listWaits brings the waits up to date with what the teams owe: a wait
// starts for each new thing, and ends when it is answered. The screens
// read the list the next publish gives them.
func (t *Table) listWaits() {
	st := t.sess.Engine.State()
	owed := map[string]bool{}
	if t.wait > 0 && !st.Ended {
		for _, o := range st.Owed() {
			if !o.New {
				continue
			}
			key := o.Key()
			owed[key] = true
			if h, ok := t.waits[key]; ok {
				h.owed = o
				continue
			}
			t.waits[key] = &holding{owed: o, left: t.wait}
		}
	}
	for key := range t.waits {
		if !owed[key] {
			delete(t.waits, key)
		}
	}
	var list []Waiting
	now := t.wall()
	for _, h := range t.waits {
		if !h.off {
			list = append(list, Waiting{Owed: h.owed, Left: h.left, At: now})
		}
	}
	slices.SortFunc(list, func(a, b Waiting) int {
		return cmp.Or(cmp.Compare(a.Owed.Since, b.Owed.Since), strings.Compare(a.Owed.Key(), b.Owed.Key()))
	})
	t.mu.Lock()
	t.holding = list
	t.paced = Pace{Wait: t.wait, Grace: t.grace}
	t.mu.Unlock()
}

// Pace is how a class's clock keeps time with the room: how long it waits
// for a team (Config.Wait), and how long a team whose people have all gone
// waits for them before a bot plays it (Config.Grace); 0 for not at all.
type Pace struct{ Wait, Grace time.Duration }

// ErrNotFacilitator refuses the room's pace to anyone but the facilitator.
var ErrNotFacilitator = errors.New("only the facilitator sets the class's pace")

// RunOn stops the clock waiting for what the teams owe now: it runs on at
// its pace, and what is owed falls due in story time. What arrives later
// is waited for as before.
func (t *Table) RunOn(a game.Actor) error {
	if a.Role != game.Facilitator {
		return ErrNotFacilitator
	}
	return t.call(func() {
		for _, h := range t.waits {
			h.off = true
		}
		t.listWaits()
		t.notify()
	})
}

// SetWait sets how long the clock waits for a team, from MinWait to
// MaxWait, or Off. The waits under way keep the time they have had.
func (t *Table) SetWait(a game.Actor, wait time.Duration) error {
	if a.Role != game.Facilitator {
		return ErrNotFacilitator
	}
	if wait != Off && (wait < MinWait || wait > MaxWait) {
		return fmt.Errorf("the clock waits from %s to %s for a team, or not at all", words(MinWait), words(MaxWait))
	}
	return t.call(func() {
		wait = max(wait, 0)
		for _, h := range t.waits {
			if !h.off {
				h.left = max(h.left+wait-t.wait, time.Second)
			}
		}
		t.wait = wait
		if wait == 0 {
			clear(t.waits)
		}
		t.listWaits()
		t.notify()
	})
}

// Wait returns how long the clock waits for a team; 0 when it does not.
func (t *Table) Wait() time.Duration {
	var w time.Duration
	t.call(func() { w = t.wait })
	return w
}

func words(d time.Duration) string { return fmt.Sprintf("%d minutes", int(d/time.Minute)) }
