package table

import (
	"time"

	"hotline/game"
)

// The table knows who is connected (Connect, Disconnect, Move). When the
// last person connected in a team goes (a laptop dies, a student is moved
// or taken out), the team is absent: after the grace period, its side's
// default bot plays it, in the control cell's name, until one of its
// people is back, when the bot leaves again.

// Absence is a team whose people have all gone.
type Absence struct {
	Team  string
	Since time.Time // when the last of them left
	// Bot is the profile of the bot that plays the team until one of its
	// people is back; empty during the grace period.
	Bot string
}

// Until is when a bot takes the team over, once the grace is up.
func (a Absence) Until(grace time.Duration) time.Time { return a.Since.Add(grace) }

// presenceMoved says that who is connected changed: the table's goroutine
// looks at the teams before it does anything else.
func (t *Table) presenceMoved() {
	t.moved.Store(true)
	select {
	case t.nudge <- struct{}{}:
	default:
	}
}

// onPresence looks at the teams after who is connected changed, or when
// an absent team's grace is up.
func (t *Table) onPresence() {
	due := t.graceUp()
	if (t.moved.Swap(false) || !due.IsZero() && !t.wall().Before(due)) && t.cover() {
		t.after(nil)
	}
}

// graceUp is when the first absent team's grace runs out, or zero when no
// team waits for its people.
func (t *Table) graceUp() time.Time {
	var first time.Time
	for _, a := range t.absent {
		if at := a.Until(t.grace); a.Bot == "" && (first.IsZero() || at.Before(first)) {
			first = at
		}
	}
	return first
}

// cover starts and ends absences, and seats and removes the bots that
// stand in for absent teams. It reports whether anything changed.
func (t *Table) cover() bool {
	e := t.sess.Engine
	st, sc := e.State(), e.Scenario()
	if !st.Class || st.Ended {
		return false
	}
	t.mu.Lock()
	people := t.people
	t.mu.Unlock()
	connected := map[string]bool{}
	for _, p := range people {
		if p.Person.Role == game.Player {
			connected[p.Person.Team], t.played[p.Person.Team] = true, true
		}
	}
	now, changed := t.wall(), false
	for _, team := range sc.Teams {
		if !t.played[team.ID] {
			continue
		}
		a, bot := t.absent[team.ID], st.Bots[sc.TeamIndex(team.ID)]
		switch {
		case connected[team.ID]:
			if a == nil {
				continue
			}
			if a.Bot != "" && a.Bot == bot {
				t.sess.Do(t.clockKeeper(), game.Command{Verb: game.RemoveBot, Team: team.ID})
			}
			delete(t.absent, team.ID)
		case a == nil:
			if bot != "" || t.grace <= 0 {
				continue
			}
			t.absent[team.ID] = &Absence{Team: team.ID, Since: now}
		case a.Bot == "" && bot != "", a.Bot != "" && bot != a.Bot:
			// The facilitator has seen to the team.
			delete(t.absent, team.ID)
		case a.Bot == "" && t.grace > 0 && !now.Before(a.Until(t.grace)):
			profile := sc.Sides[team.Side].Counterparts[0]
			if t.sess.Do(t.clockKeeper(), game.Command{Verb: game.SeatBot, Team: team.ID, Profile: profile}) != nil {
				continue
			}
			a.Bot = profile
		default:
			continue
		}
		changed = true
	}
	var gone []Absence
	for _, team := range sc.Teams {
		if a := t.absent[team.ID]; a != nil {
			gone = append(gone, *a)
		}
	}
	t.mu.Lock()
	t.gone = gone
	t.mu.Unlock()
	return changed
}

// SetGrace sets how long an absent team waits for its people before a bot
// takes it over; Off leaves absent teams empty.
func (t *Table) SetGrace(a game.Actor, grace time.Duration) error {
	if a.Role != game.Facilitator {
		return ErrNotFacilitator
	}
	return t.call(func() {
		t.grace = max(grace, 0)
		if t.grace == 0 {
			for team, a := range t.absent {
				if a.Bot == "" {
					delete(t.absent, team)
				}
			}
		}
		t.cover()
		t.after(nil)
	})
}

// Grace returns how long an absent team waits before a bot takes it over;
// 0 when none does.
func (t *Table) Grace() time.Duration {
	var g time.Duration
	t.call(func() { g = t.grace })
	return g
}

// Connections returns the connections of the person with the given name.
func (t *Table) Connections(name string) []Presence {
	t.mu.Lock()
	defer t.mu.Unlock()
	var ps []Presence
	for _, p := range t.people {
		if p.Person.Name == name {
			ps = append(ps, p)
		}
	}
	return ps
}

// Evict takes a connection away from the table: another connection under
// the same name has taken the seat over. The evicted connection's session
// learns it from Evicted, and ends.
func (t *Table) Evict(id int) {
	t.mu.Lock()
	t.evicted[id] = true
	t.mu.Unlock()
	t.Disconnect(id)
}

// Evicted reports whether a connection was taken away by Evict.
func (t *Table) Evicted(id int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.evicted[id]
}
