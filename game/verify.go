package game

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"hotline/injects"
)

// A log is trusted only as far as the engine makes it again. Resume plays
// the exercise afresh from the log's start record, making each person's
// command at the story time the log gives it; the engine and the bots make
// everything else themselves. Every event made must match the log's, byte
// for byte, or the log is refused at the first that differs: an edited
// choice, meter, score or bot move cannot pass. The review shown of a log is
// the one made again, never the stored copy.

// Resume makes the exercise of a log again, checks it against the log, and
// returns the session where the log ends. observe sees every event made,
// from the first; those with a sequence number past the log's end complete
// the step of play the log was cut inside (a crash can cut a log between
// the events of one step), and belong at its end.
func Resume(sc *injects.Scenario, log []Event, observe func(*State, *Event)) (*Session, error) {
	return resume(sc, &eventSlice{events: log}, observe)
}

// A LogReader gives a log's events in order, each with its line as the log
// has it, or nil when only the event is at hand; io.EOF after the last.
// eventlog.Reader is one.
type LogReader interface {
	Next() (Event, []byte, error)
}

// ReplayFrom makes a log's exercise again as Replay does, reading the log
// as it goes: memory does not grow with the log, only with the exercise.
func ReplayFrom(sc *injects.Scenario, r LogReader) (*Engine, error) {
	s, err := resume(sc, r, nil)
	if err != nil {
		return nil, err
	}
	return s.Engine, nil
}

func resume(sc *injects.Scenario, r LogReader, observe func(*State, *Event)) (*Session, error) {
	log := &logWindow{r: r}
	first, err := log.at(0)
	if err != nil {
		return nil, err
	}
	rec, err := startRecord(sc, first)
	if err != nil {
		return nil, err
	}
	m := &matcher{sc: sc, log: log}
	s, err := start(sc, rec, func(st *State, ev *Event) {
		m.match(ev)
		if observe != nil {
			observe(st, ev)
		}
	})
	if err != nil {
		return nil, err
	}
	e := s.Engine
	// A jump of the clock takes it to its due time, which no event marks
	// when nothing happened there: a log may end with the clock past its
	// last event.
	var jumpedTo time.Duration
	for k := 1; m.err == nil; k++ {
		log.forget(min(k, m.next))
		at, err := log.at(k)
		if err != nil {
			return nil, err
		}
		if at == nil {
			break
		}
		ev := &at.ev
		if !isHead(ev) {
			continue // the engine or a bot made it: it is made again, and matched
		}
		if err := staticCheck(sc, ev); err != nil {
			return nil, fmt.Errorf("event %d: %v", k+1, err)
		}
		if ev.At < e.st.Now {
			return nil, fmt.Errorf("event %d goes back in story time", k+1)
		}
		if err := s.Advance(ev.At); err != nil {
			return nil, fmt.Errorf("event %d: %w", k+1, err)
		}
		if m.err != nil {
			break
		}
		if m.next < k {
			return nil, m.missing()
		}
		if ev.Type == ClockStopped {
			e.Stop()
			continue
		}
		if ev.Type == ClockJumped {
			jumpedTo = ev.Due
		}
		next, err := log.at(k + 1)
		if err != nil {
			return nil, err
		}
		a, cmd, err := commandOf(e, ev, next.event())
		if err != nil {
			return nil, fmt.Errorf("event %d: %v", k+1, err)
		}
		if err := s.Do(a, cmd); err != nil {
			if m.err != nil {
				break
			}
			return nil, fmt.Errorf("event %d: %s's command is refused when made again: %w", k+1, ev.By, err)
		}
	}
	if m.err == nil {
		if max(log.last.At, jumpedTo) < e.st.Now {
			return nil, fmt.Errorf("event %d goes back in story time", log.read)
		}
		if err := s.Advance(log.last.At); err != nil {
			return nil, fmt.Errorf("event %d: %w", log.read, err)
		}
	}
	if m.err != nil {
		return nil, m.err
	}
	if at, err := log.at(m.next); err != nil {
		return nil, err
	} else if at != nil {
		return nil, m.missing()
	}
	return s, nil
}

// logged is one event of a log, with its line when the reader has it.
type logged struct {
	ev   Event
	line []byte
}

func (l *logged) event() *Event {
	if l == nil {
		return nil
	}
	return &l.ev
}

// logWindow holds the events of a log from the first a replay still needs
// to the last it has read, so that a log of millions of events is checked
// in the memory of a few.
type logWindow struct {
	r    LogReader
	base int // the index in the log of buf[0]
	buf  []logged
	read int   // events read
	last Event // the last event read
	end  bool
}

// at returns event k of the log (counting from 0), reading up to it; nil
// past the log's end.
func (w *logWindow) at(k int) (*logged, error) {
	for !w.end && k >= w.read {
		ev, line, err := w.r.Next()
		if err == io.EOF {
			w.end = true
			break
		}
		if err != nil {
			return nil, err
		}
		if ev.Seq != w.read+1 && w.read > 0 { // the first is startRecord's
			return nil, fmt.Errorf("event %d has sequence number %d", w.read+1, ev.Seq)
		}
		w.buf = append(w.buf, logged{ev: ev, line: bytes.Clone(line)})
		w.read++
		w.last = ev
	}
	if k >= w.read || k < w.base {
		return nil, nil
	}
	return &w.buf[k-w.base], nil
}

// forget lets go of the events before k.
func (w *logWindow) forget(k int) {
	if n := k - w.base; n > 0 && n <= len(w.buf) {
		clear(w.buf[:n])
		w.buf = w.buf[n:]
		w.base = k
		if cap(w.buf) > 4*len(w.buf)+64 {
			w.buf = slices.Clone(w.buf)
		}
	}
}

// eventSlice reads a log held in memory.
type eventSlice struct {
	events []Event
	next   int
}

func (s *eventSlice) Next() (Event, []byte, error) {
	if s.next >= len(s.events) {
		return Event{}, nil, io.EOF
	}
	s.next++
	return s.events[s.next-1], nil, nil
}

// isHead reports whether a log's event is where a person stepped in: the
// first event of their command, or the clock stopped where they left it.
func isHead(ev *Event) bool {
	return ev.By != "" && !strings.HasPrefix(ev.By, botPrefix) || ev.Type == ClockStopped
}

// Dropped is a person's command that a changed scenario no longer allows.
type Dropped struct {
	Event  Event // its first event, as the log had it
	Reason error
}

// Rebase plays the commands of a log again on a scenario that has changed
// since (an author editing the file in play): each person's command at its
// story time, the bots and the engine making the rest afresh. Commands the
// changed scenario refuses are dropped, and returned with why. Nothing is
// compared: the run is the changed scenario's.
func Rebase(sc *injects.Scenario, log []Event, observe func(*State, *Event)) (*Session, []Dropped, error) {
	if len(log) == 0 || log[0].Type != Started || log[0].Start == nil {
		return nil, nil, fmt.Errorf("the log does not start with %s", Started)
	}
	rec := *log[0].Start
	rec.Scenario, rec.Source, rec.Digest, rec.Format = sc.ID, sc.Source, sc.Digest, LogFormat
	for side, p := range rec.Players {
		if profile, ok := strings.CutPrefix(p, botPrefix); ok {
			if _, ok := sc.Profile(profile); !ok {
				rec.Players[side] = botPrefix + sc.Sides[side].Counterparts[0]
			}
		}
	}
	s, err := start(sc, rec, observe)
	if err != nil {
		return nil, nil, err
	}
	e := s.Engine
	var dropped []Dropped
	for k := 1; k < len(log); k++ {
		ev := &log[k]
		if !isHead(ev) {
			continue
		}
		if err := s.Advance(max(ev.At, e.st.Now)); err != nil {
			return nil, nil, err
		}
		if ev.Type == ClockStopped {
			e.Stop()
			continue
		}
		var next *Event
		if k+1 < len(log) {
			next = &log[k+1]
		}
		a, cmd, err := commandOf(e, ev, next)
		if err == nil {
			err = s.Do(a, cmd)
		}
		if err != nil && !errors.Is(err, ErrBotRefused) {
			dropped = append(dropped, Dropped{Event: *ev, Reason: err})
		}
	}
	if err := s.Advance(max(log[len(log)-1].At, e.st.Now)); err != nil {
		return nil, nil, err
	}
	return s, dropped, nil
}

// Replay makes a log's exercise again, checking it, and returns its engine
// where the log ends.
func Replay(sc *injects.Scenario, log []Event) (*Engine, error) {
	s, err := Resume(sc, log, nil)
	if err != nil {
		return nil, err
	}
	return s.Engine, nil
}

// startRecord checks that a log begins with a start record this program
// reads, made with this scenario.
func startRecord(sc *injects.Scenario, first *logged) (Start, error) {
	if first == nil || first.ev.Type != Started || first.ev.Start == nil {
		return Start{}, fmt.Errorf("the log does not start with %s: its first line is missing or damaged", Started)
	}
	if first.ev.Seq != 1 {
		return Start{}, fmt.Errorf("the log's first event has sequence number %d: lines before it are missing", first.ev.Seq)
	}
	rec := *first.ev.Start
	switch {
	case rec.Format > LogFormat:
		return Start{}, fmt.Errorf("the log is in format %d, from a newer version of hotline; this one reads format %d", rec.Format, LogFormat)
	case rec.Format < LogFormat:
		return Start{}, fmt.Errorf("the log is in format %d, from an older version of hotline; this one reads format %d", rec.Format, LogFormat)
	case rec.Scenario == sc.ID && rec.Digest != sc.Digest && injects.IsBuiltin(rec.Source) && rec.Source == sc.Source:
		// Built-in scenarios change between versions of the program: the
		// log is sound, but only the version that made it can replay it.
		return Start{}, fmt.Errorf("the built-in scenario %q has changed since this log was made (digest %.12s, now %.12s); open the log with the version of hotline that made it",
			rec.Scenario, rec.Digest, sc.Digest)
	case rec.Scenario != sc.ID || rec.Digest != sc.Digest:
		return Start{}, fmt.Errorf("the log was made with scenario %q (digest %.12s), not with this %s (%q, digest %.12s)",
			rec.Scenario, rec.Digest, sc.Source, sc.ID, sc.Digest)
	}
	for side, p := range rec.Players {
		if profile, ok := strings.CutPrefix(p, botPrefix); ok {
			if _, err := NewBot(sc, injects.Side(side), profile, 0); err != nil {
				return Start{}, fmt.Errorf("the log's start names a bot this scenario does not have for %s: %v", injects.Side(side).Title(), err)
			}
		} else if p != SoloPlayer && p != Class {
			return Start{}, fmt.Errorf("the log's start says %q plays %s: expected player, class or bot:<profile>", p, injects.Side(side).Title())
		}
	}
	return rec, nil
}

// matcher compares the events made again with the log's, as they are made:
// the line made must be the log's line, byte for byte.
type matcher struct {
	sc   *injects.Scenario
	log  *logWindow
	next int // how many of the log's events have been matched
	err  error
}

func (m *matcher) match(ev *Event) {
	if m.err != nil {
		m.next++
		return
	}
	want, err := m.log.at(m.next)
	if err != nil {
		m.err = err
		return
	}
	if want == nil {
		m.next++ // made past the log's end: the step the log was cut inside
		return
	}
	made, err := json.Marshal(ev)
	logged := want.line
	if logged == nil && err == nil {
		logged, err = json.Marshal(&want.ev)
	}
	if err != nil {
		m.err = fmt.Errorf("event %d: %v", m.next+1, err)
		return
	}
	if !bytes.Equal(made, logged) {
		if err := staticCheck(m.sc, &want.ev); err != nil {
			m.err = fmt.Errorf("event %d: %v", m.next+1, err)
			return
		}
		m.err = fmt.Errorf("event %d differs from what its commands make: the log has %s; playing them again makes %s",
			m.next+1, clip(logged), clip(made))
	}
	m.next++
}

// missing is the error for the log's next event to match, which nothing
// made.
func (m *matcher) missing() error {
	at, err := m.log.at(m.next)
	if err != nil {
		return err
	}
	ev := &at.ev
	if err := staticCheck(m.sc, ev); err != nil {
		return fmt.Errorf("event %d: %v", m.next+1, err)
	}
	line, _ := json.Marshal(ev)
	return fmt.Errorf("event %d is not made by the commands before it: the log has %s", m.next+1, clip(line))
}

// clip shortens a log line for a message.
func clip(b []byte) string {
	const most = 160
	if len(b) > most {
		return string(b[:most]) + "…"
	}
	return string(b)
}

// staticCheck checks that everything an event names is in the scenario, so
// that an edited log is refused with a clear reason.
func staticCheck(sc *injects.Scenario, ev *Event) error {
	missing := func(kind, id string) error { return fmt.Errorf("no %s %q in %s", kind, id, sc.ID) }
	if ev.Type >= numEventTypes {
		return fmt.Errorf("unknown event type %v", ev.Type)
	}
	if ev.Type == Started && ev.Seq != 1 {
		return fmt.Errorf("a log starts with %s, and only once", Started)
	}
	if ev.Inject != "" {
		i, ok := sc.InjectIndex(ev.Inject)
		if !ok {
			return missing("inject", ev.Inject)
		}
		if _, ok := sc.Injects[i].Choice(ev.Choice); ev.Choice != "" && !ok {
			return missing("choice", ev.Choice)
		}
	}
	if ev.Request != "" {
		i, ok := sc.RequestIndex(ev.Request)
		if !ok {
			return missing("request", ev.Request)
		}
		if ev.Element != "" && sc.Requests[i].Element(ev.Element) < 0 {
			return missing("part", ev.Element)
		}
	}
	checks := []struct {
		kind, id string
		ok       func(string) bool
	}{
		{"variable", ev.Var, func(id string) bool { _, ok := sc.VariableIndex(id); return ok }},
		{"action", ev.Action, func(id string) bool { _, ok := sc.ActionIndex(id); return ok }},
		{"team", ev.Team, func(id string) bool { _, ok := sc.Team(id); return ok }},
		{"ground", ev.Ground, func(id string) bool { _, ok := sc.Ground(id); return ok }},
		{"ending", ev.Ending, func(id string) bool { _, ok := sc.EndingIndex(id); return ok }},
		{"profile", ev.Profile, func(id string) bool { _, ok := sc.Profile(id); return ok }},
		{"objective", ev.Objective, func(id string) bool { _, ok := sc.Objective(id); return ok }},
		{"team", ev.To.Team, func(id string) bool { _, ok := sc.Team(id); return ok }},
	}
	for _, c := range checks {
		if c.id != "" && !c.ok(c.id) {
			return missing(c.kind, c.id)
		}
	}
	switch ev.Type {
	case LadderMoved:
		if ev.Rung < 0 || ev.Rung >= len(sc.Hotline.Rungs) {
			return fmt.Errorf("no rung %d", ev.Rung)
		}
	case ReviewHeld:
		if ev.Review == nil {
			return fmt.Errorf("%s without its scorecard", ReviewHeld)
		}
	}
	return nil
}

// commandOf reads the command whose first event is log[k], and the actor
// who made it, as the exercise had seated them.
// next is the event after it, if any.
func commandOf(e *Engine, ev, next *Event) (Actor, Command, error) {
	a, ok := e.Actor(ev.By)
	if !ok {
		return a, Command{}, fmt.Errorf("%q made a command without a seat in the exercise", ev.By)
	}
	c := Command{Team: ev.Team, Inject: ev.Inject, Choice: ev.Choice, Request: ev.Request, Element: ev.Element,
		Quality: ev.Quality, Ground: ev.Ground, Call: ev.Call, Answer: ev.Answer, Action: ev.Action}
	switch ev.Type {
	case InjectChosen:
		c.Verb = Choose
	case RequestOpened:
		c.Verb = Open
	case WorkStarted, Delivered:
		c.Verb = Deliver
	case Declined:
		c.Verb = Decline
	case ClarificationAsked:
		c.Verb = AskClarification
	case Clarified:
		c.Verb = Clarify
	case Rang:
		c.Verb = Ring
	case Answered:
		c.Verb = Answer
	case ActionTaken:
		c.Verb = Act
	case ClockPaused:
		c.Verb = PauseClock
	case ClockResumed:
		c.Verb = RunClock
	case SpeedSet:
		c.Verb, c.Speed = SetSpeed, ev.Speed
	case ClockJumped:
		c.Verb = JumpClock
	case InjectFired:
		c.Verb = FireInject
	case InjectHeld:
		c.Verb = HoldInject
	case InjectReleased:
		c.Verb = ReleaseInject
	case InjectSkipped:
		c.Verb = SkipInject
	case MessageSent:
		c.Verb, c.Title, c.Text, c.To = SendMessage, ev.Title, ev.Text, ev.To
	case BotSeated:
		c.Verb, c.Profile = SeatBot, ev.Profile
	case BotRemoved:
		c.Verb = RemoveBot
	case PersonSeated:
		c.Verb, c.Person = Seat, Person{Name: ev.Person, Role: ev.Role, Team: ev.Team}
	case PersonUnseated:
		c.Verb, c.Person = Unseat, Person{Name: ev.Person}
	case PersonReadmitted:
		c.Verb, c.Person = Readmit, Person{Name: ev.Person}
	case ReviewHeld: // the closing review that ending the exercise calls
		c.Verb = EndExercise
		if next != nil && next.Type == Ended {
			c.Choice = next.Ending
		}
	case ObservationNoted:
		c.Verb, c.Objective, c.Rating, c.Text = Note, ev.Objective, ev.Rating, ev.Text
	case FeedbackGiven, HotwashAnswered, CorrectiveActionAgreed:
		afterPlayCommand(ev, &c)
	default:
		return a, c, fmt.Errorf("%s is not a command anyone makes", ev.Type)
	}
	return a, c, nil
}
