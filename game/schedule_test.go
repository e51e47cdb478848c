package game

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"hotline/injects"
)

// scanEarliest is the earliest timer found by walking every inject, as the
// engine did before it kept the injects' timers in order: what the ordered
// timers must always agree with.
func scanEarliest(e *Engine, counts func(timer) bool) timer {
	saved := e.timers
	e.timers = nil
	defer func() { e.timers = saved }()
	best := e.earliest(counts) // without inject timers: requests, calls, meetings, the end
	for i := range e.st.Injects {
		if t, ok := injectTimer(e.st, i); ok && t.before(best) && (counts == nil || counts(t)) {
			best = t
		}
	}
	return best
}

// The ordered timers find what a walk of every inject finds, after every
// event of every built-in scenario, for the whole table and for each side.
func TestInjectTimersAgreeWithAWalk(t *testing.T) {
	for _, id := range injects.BuiltinIDs() {
		sc, diags := injects.LoadBuiltin(id)
		if sc == nil {
			t.Fatal(diags)
		}
		var s *Session
		checked := 0
		s, err := NewSession(sc, 7, [2]string{"default", "default"}, func(_ *State, ev *Event) {
			if s == nil {
				return
			}
			e := s.Engine
			if got, want := e.earliest(nil), scanEarliest(e, nil); got != want {
				t.Fatalf("%s, after event %d (%s): the next timer is %+v, a walk finds %+v", id, ev.Seq, ev.Type, got, want)
			}
			for _, side := range []injects.Side{injects.US, injects.CN} {
				counts := func(t timer) bool {
					return t.kind != tFire && t.kind != tDeadline || sc.Injects[t.i].To.Includes(side, "")
				}
				if got, want := e.earliest(counts), scanEarliest(e, counts); got != want {
					t.Fatalf("%s, after event %d, for %s: %+v, a walk finds %+v", id, ev.Seq, side, got, want)
				}
			}
			checked++
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Advance(sc.End); err != nil {
			t.Fatal(err)
		}
		if checked < 20 {
			t.Errorf("%s: only %d events checked", id, checked)
		}
	}
	// The control cell holds, releases, fires early and skips injects.
	sc, _ := injects.LoadBuiltin("campaign")
	var s *Session
	seen := map[EventType]int{}
	s, err := NewClass(sc, 3, "White", func(_ *State, ev *Event) {
		seen[ev.Type]++
		if s != nil {
			if got, want := s.Engine.earliest(nil), scanEarliest(s.Engine, nil); got != want {
				t.Fatalf("the next timer is %+v, a walk finds %+v", got, want)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	white, _ := s.Engine.Actor("White")
	for k, in := range sc.Injects {
		verb := []Verb{HoldInject, FireInject, SkipInject}[k%3]
		_ = s.Do(white, Command{Verb: verb, Inject: in.ID}) // some are refused: fired already, or not yet due
		if k%3 == 0 {
			_ = s.Advance(s.Engine.State().Now + 6*time.Hour)
			_ = s.Do(white, Command{Verb: ReleaseInject, Inject: in.ID})
		}
	}
	if err := s.Advance(sc.End); err != nil {
		t.Fatal(err)
	}
	for _, typ := range []EventType{InjectHeld, InjectReleased, InjectSkipped, InjectFired} {
		if seen[typ] == 0 {
			t.Errorf("no %s in the class's run", typ)
		}
	}
}

// manyInjects is a scenario of n injects at the times of a month.
func manyInjects(tb testing.TB, n int) *injects.Scenario {
	var b strings.Builder
	b.WriteString("format: 1\nscenario: {id: many, title: Many, start: 2015-10-05 09:00, end: T+30d}\ninclude: [common.yaml]\n")
	b.WriteString("personas:\n  p: {name: P, affiliation: company}\ninjects:\n")
	for i := range n {
		fmt.Fprintf(&b, "  i%06d: {at: T+%dm, to: us, from: p, channel: email, title: Inject %d}\n", i, i*7%(30*24*60), i)
		if i%10 == 9 {
			fmt.Fprintf(&b, "  j%06d: {after: i%06d, delay: 1h, to: cn, from: p, channel: email, title: After %d}\n", i, i, i)
		}
	}
	sc, diags := injects.Parse("many.yaml", []byte(b.String()))
	if sc == nil {
		tb.Fatal(diags)
	}
	return sc
}

// A run grows with its injects, not with their square: compare the
// figures at 10,000 and 30,000 (before the injects' timers were kept in
// order, 1.3 s and 14.4 s).
func BenchmarkRunManyInjects(b *testing.B) {
	for _, n := range []int{10_000, 30_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			sc := manyInjects(b, n)
			runtime.GC() // the loading's garbage is not the run's
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Play(sc, 1, [2]string{"", ""}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
