package debrief

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"hotline/game"
	"hotline/injects"
)

// stint is a spell in a seat: a person, a bot or the solo player playing a
// team, or a person in a seat of the room (the control cell, evaluators,
// observers), from one moment of the run to another.
type stint struct {
	who   string // a person's name, "bot:PROFILE" or game.SoloPlayer
	role  game.Role
	team  string // the team played, if any
	from  time.Duration
	until time.Duration
	open  bool // still seated when the log ends
}

func (s *stint) bot() (string, bool) { return strings.CutPrefix(s.who, "bot:") }

// seating is who sat where over the run, from the log's start record and
// its seats: what the participants appendix lists, and what the report
// reads when it asks who was at a team's seat when something fell due.
type seating struct {
	sc       *injects.Scenario
	stints   []stint
	class    bool
	headless bool
	players  [2]string
	chair    string // the class's facilitator
}

func newSeating(sc *injects.Scenario, start *game.Start) *seating {
	s := &seating{sc: sc, class: start.Players == [2]string{game.Class, game.Class}, players: start.Players, chair: start.Facilitator}
	s.headless = !s.class && !slices.Contains(start.Players[:], game.SoloPlayer)
	for side, p := range start.Players {
		if p == game.Class {
			continue
		}
		for _, team := range sc.TeamsOf(injects.Side(side)) {
			s.stints = append(s.stints, stint{who: p, role: game.Solo, team: team, open: true})
		}
	}
	return s
}

// close ends the open stints that match, at a moment.
func (s *seating) close(at time.Duration, match func(*stint) bool) {
	for k := range s.stints {
		if st := &s.stints[k]; st.open && match(st) {
			st.open, st.until = false, at
		}
	}
}

// follow takes in an event that changes who sits where.
func (s *seating) follow(ev *game.Event) {
	isBot := func(st *stint) bool { _, ok := st.bot(); return ok }
	switch ev.Type {
	case game.BotSeated:
		s.close(ev.At, func(st *stint) bool { return st.team == ev.Team && isBot(st) })
		s.stints = append(s.stints, stint{who: "bot:" + ev.Profile, role: game.Solo, team: ev.Team, from: ev.At, open: true})
	case game.BotRemoved:
		s.close(ev.At, func(st *stint) bool { return st.team == ev.Team && isBot(st) })
	case game.PersonSeated:
		s.close(ev.At, func(st *stint) bool { return st.who == ev.Person })
		if ev.Team != "" { // a player takes the team from its bot
			s.close(ev.At, func(st *stint) bool { return st.team == ev.Team && isBot(st) })
		}
		s.stints = append(s.stints, stint{who: ev.Person, role: ev.Role, team: ev.Team, from: ev.At, open: true})
	case game.PersonUnseated:
		s.close(ev.At, func(st *stint) bool { return st.who == ev.Person })
	}
}

// at returns who played a team at a moment: the bots' profiles and the
// people (or the solo player).
func (s *seating) at(team string, at time.Duration) (bots, people []string) {
	for k := range s.stints {
		st := &s.stints[k]
		if st.team != team || st.from > at || !st.open && st.until <= at {
			continue
		}
		if p, ok := st.bot(); ok {
			bots = append(bots, p)
		} else {
			people = append(people, st.who)
		}
	}
	return bots, people
}

// cause says what the seats explain of something a side left undone at a
// moment: that a counterpart bot played all of it, by its profile's
// design, or that nobody played it at all. Empty when people played it:
// why they did what they did is for the hotwash.
func (s *seating) cause(side injects.Side, at time.Duration) string {
	var profiles []string
	for _, team := range s.sc.TeamsOf(side) {
		bots, people := s.at(team, at)
		if len(people) > 0 {
			return ""
		}
		for _, p := range bots {
			if !slices.Contains(profiles, p) {
				profiles = append(profiles, p)
			}
		}
	}
	if len(profiles) == 0 {
		return fmt.Sprintf("Nobody played %s at %s: no one sat in its teams and no bot played them.", the(side), clock(s.sc, at))
	}
	return s.playedBy(upperFirst(the(side)), profiles)
}

// playedBy says that counterpart bots played a side or a team, and what
// their profiles do by design: the cause of what they did.
func (s *seating) playedBy(who string, profiles []string) string {
	var words []string
	for _, id := range profiles {
		w := "the " + id + " counterpart bot"
		if p, ok := s.sc.Profile(id); ok && p.Description != "" {
			w += fmt.Sprintf(", which by design %s", lowerFirst(strings.TrimSuffix(oneLine(p.Description), ".")))
		}
		words = append(words, w)
	}
	return fmt.Sprintf("%s was played by %s: this is the profile's play, not a delegation's.", who, strings.Join(words, "; and by "))
}

// lowerFirst lowers a sentence's first letter, for a sentence quoted
// inside another.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// Participants is the report's appendix of who took part: the people at
// their seats, with when they came and left, and the counterpart bots
// that played teams, said plainly for a run no person played.
type Participants struct {
	Note   string        `json:"note"`
	People []Participant `json:"people"`
}

// Participant is one person, or bot, and the seat they held.
type Participant struct {
	Name       string  `json:"name"`
	Role       string  `json:"role"`
	Delegation string  `json:"delegation,omitempty"`
	Team       string  `json:"team,omitempty"`
	From       Moment  `json:"from"`
	Until      *Moment `json:"until,omitempty"` // when they left, if before the end
}

// participants lists who took part, people first, in the order they came.
func (s *seating) participants() Participants {
	sc := s.sc
	var p Participants
	if s.chair != "" {
		p.People = append(p.People, Participant{Name: s.chair, Role: "facilitator (White Cell)", From: moment(sc, 0)})
	}
	// A bot or a solo player who played every team of a side, all along,
	// is one line: the side.
	whole := map[string]bool{}
	for side := range injects.Side(2) {
		who := s.players[side]
		if who == game.Class {
			continue
		}
		row := Participant{Delegation: side.Title(), Team: "every team", From: moment(sc, 0)}
		if profile, ok := strings.CutPrefix(who, "bot:"); ok {
			row.Name, row.Role = "the "+profile+" counterpart bot", "bot"
		} else {
			row.Name, row.Role = "the solo player", "player"
		}
		p.People = append(p.People, row)
		whole[who+"/"+side.String()] = true
	}
	var bots []Participant
	for k := range s.stints {
		st := &s.stints[k]
		t, hasTeam := sc.Team(st.team)
		if hasTeam && whole[st.who+"/"+t.Side.String()] {
			continue
		}
		row := Participant{Name: st.who, Role: st.role.String(), From: moment(sc, st.from)}
		if !st.open {
			until := moment(sc, st.until)
			row.Until = &until
		}
		if hasTeam {
			row.Delegation, row.Team = t.Side.Title(), t.Name
		}
		if st.role == game.Facilitator {
			row.Role = "facilitator (White Cell)"
		}
		if profile, ok := st.bot(); ok {
			row.Name, row.Role = "the "+profile+" counterpart bot", "bot"
			bots = append(bots, row)
			continue
		}
		p.People = append(p.People, row)
	}
	p.People = append(p.People, bots...)
	p.Note = s.note()
	return p
}

// note says in a sentence who played the run.
func (s *seating) note() string {
	sc := s.sc
	profile := func(side int) string { return strings.TrimPrefix(s.players[side], "bot:") }
	switch {
	case s.headless:
		return fmt.Sprintf("No person took part: this was a headless run, in which scripted counterpart bots played both delegations, the %s profile for the United States and the %s profile for China. Its findings show how those profiles play the scenario, not how people would.", profile(0), profile(1))
	case !s.class:
		side, _ := game.PlayerSide(s.players)
		other := side.Other()
		if s.players[other] == game.SoloPlayer {
			return "One person played both delegations, alone at the terminal."
		}
		return fmt.Sprintf("One person played %s alone, every team of it; the %s counterpart bot played %s.", the(side), profile(int(other)), the(other))
	}
	people, bots := 0, 0
	seen := map[string]bool{}
	for k := range s.stints {
		st := &s.stints[k]
		if seen[st.who] {
			continue
		}
		seen[st.who] = true
		if _, ok := st.bot(); ok {
			bots++
		} else {
			people++
		}
	}
	var unplayed []string
	for _, t := range sc.Teams {
		played := false
		for k := range s.stints {
			if s.stints[k].team == t.ID {
				played = true
			}
		}
		if !played {
			unplayed = append(unplayed, fmt.Sprintf("%s (%s)", t.Name, t.Side.Title()))
		}
	}
	seated := fmt.Sprintf("%d people", people)
	if people == 1 {
		seated = "1 person"
	}
	note := fmt.Sprintf("A class: the facilitator, %s at their seats, and %s playing the teams the facilitator gave them.", seated, plural(bots, "counterpart bot"))
	if bots == 0 {
		note = fmt.Sprintf("A class: the facilitator and %s at their seats; no bot played.", seated)
	}
	if len(unplayed) > 0 {
		note += " Nobody played " + list(unplayed) + "."
	}
	return note
}
