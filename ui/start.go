package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"hotline/injects"
)

// Start is the start screen of a solo exercise: the scenario, the side to
// play and the team to act as, the counterpart profile that plays the
// other side, and the clock's speed. Enter makes the game off the update
// loop (Options.Begin); the program then puts the player's screen in its
// place.
type Start struct {
	c         *common
	begin     func(Setup) (*Game, error)
	w, h      int
	scenarios []*injects.Scenario
	field     startField
	scenario  int
	side      injects.Side
	team      int // among the side's teams
	profile   int
	speed     int
	seed      uint64
	busy      bool   // the game is being set up
	err       string // why it could not be
}

// startField is a line of the start screen.
type startField uint8

const (
	scenarioField startField = iota
	sideField
	teamField
	counterpartField
	speedField
	numStartFields
)

func newStart(c *common, opts Options) *Start {
	return &Start{c: c, begin: opts.Begin, scenarios: opts.Scenarios, seed: opts.Seed, speed: speedIndex(opts.Speed),
		w: MinWidth, h: MinHeight}
}

func (s *Start) init() tea.Cmd { return nil }

func (s *Start) game() *Game { return nil }

func (s *Start) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.w, s.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

// failed says why the game could not be set up, for another try.
func (s *Start) failed(err error) { s.busy, s.err = false, err.Error() }

func speedIndex(d time.Duration) int {
	for i, sp := range Speeds {
		if sp >= d {
			return i
		}
	}
	return len(Speeds) - 1
}

func (s *Start) sc() *injects.Scenario { return s.scenarios[s.scenario] }

// profiles are the counterparts that can play the side the player leaves.
func (s *Start) profiles() []string { return s.sc().Sides[s.side.Other()].Counterparts }

// teams are the teams of the side the player takes.
func (s *Start) teams() []string { return s.sc().TeamsOf(s.side) }

// fields are the lines shown: the team line only where the side has
// several teams.
func (s *Start) fields() []startField {
	f := []startField{scenarioField, sideField}
	if len(s.teams()) > 1 {
		f = append(f, teamField)
	}
	return append(f, counterpartField, speedField)
}

func (s *Start) setup() Setup {
	return Setup{Scenario: s.sc(), Side: s.side, Team: s.teams()[s.team], Counterpart: s.profiles()[s.profile],
		Seed: s.seed, Speed: Speeds[s.speed]}
}

func (s *Start) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	if s.busy || len(s.scenarios) == 0 {
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	change := func(d int) {
		switch s.field {
		case scenarioField:
			s.scenario = wrapIndex(s.scenario+d, len(s.scenarios))
			s.profile, s.team = 0, 0
		case sideField:
			s.side = s.side.Other()
			s.profile, s.team = 0, 0
		case teamField:
			s.team = wrapIndex(s.team+d, len(s.teams()))
		case counterpartField:
			s.profile = wrapIndex(s.profile+d, len(s.profiles()))
		case speedField:
			s.speed = min(max(s.speed+d, 0), len(Speeds)-1)
		}
	}
	move := func(d int) {
		fields := s.fields()
		i := max(0, slices.Index(fields, s.field))
		s.field = fields[wrapIndex(i+d, len(fields))]
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Up), key.Matches(msg, k.Prev):
		move(-1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Next):
		move(1)
	case key.Matches(msg, k.Left):
		change(-1)
	case key.Matches(msg, k.Right), key.Matches(msg, k.Pause):
		change(1)
	case key.Matches(msg, k.Open):
		if s.begin == nil {
			return nil
		}
		s.busy, s.err = true, ""
		setup, begin := s.setup(), s.begin
		return func() tea.Msg {
			g, err := begin(setup)
			return gameReadyMsg{g, err}
		}
	}
	return nil
}

func wrapIndex(i, n int) int { return ((i % n) + n) % n }

func (s *Start) view() string {
	st := s.c.styles
	w := min(s.w, 100)
	var b strings.Builder
	b.WriteString(st.Brand.Render("HOTLINE") + "  " + st.Title.Render("a tabletop exercise of the US–China cybercrime hotline, 2015") + "\n\n")
	if len(s.scenarios) == 0 {
		b.WriteString(st.Bad.Render("No scenario to play.") + "\n")
		return lipgloss.Place(s.w, s.h, lipgloss.Center, lipgloss.Center, b.String())
	}
	sc := s.sc()
	profile, _ := sc.Profile(s.profiles()[s.profile])
	team, _ := sc.Team(s.teams()[s.team])
	rows := map[startField]struct{ label, value, about string }{
		scenarioField: {"Scenario", sc.Title, playingTime(sc) + sc.Summary},
		sideField:     {"You play", sc.Sides[s.side].Name, sideAbout(sc, s.side)},
		teamField: {"Acting as", team.Name,
			"The team your decisions, requests and calls are made in. You play the whole delegation; in a class, each team has its own players."},
		counterpartField: {"Counterpart", profile.Title + " (" + sc.Sides[s.side.Other()].Name + ")", profile.Description},
		speedField: {"Clock speed", speedWords(Speeds[s.speed]),
			fmt.Sprintf("A 12-hour deadline lasts %s of real time. space pauses, +/- change the speed, > jumps to the next event.",
				span(12*time.Hour/Speeds[s.speed]*time.Second))},
	}
	for _, f := range s.fields() {
		r := rows[f]
		label := fmt.Sprintf("%-12s", r.label)
		line := "  " + label + " ◀ " + r.value + " ▶"
		if f == s.field {
			line = st.Selected.Render(pad("▸ "+label+" ◀ "+r.value+" ▶", w))
		}
		b.WriteString(pad(cut(line, w), w) + "\n")
	}
	about := rows[s.field].about
	b.WriteString("\n" + st.Dim.Render(wrap(strings.Join(strings.Fields(about), " "), w-2)) + "\n\n")
	b.WriteString(st.Dim.Render(fmt.Sprintf("Seed %d. ↑/↓ choose a line, ←/→ change it, enter starts, q quits.", s.seed)) + "\n")
	if s.busy {
		b.WriteString("\nSetting up the exercise…\n")
	}
	if s.err != "" {
		b.WriteString("\n" + st.Bad.Render(wrap("Could not start: "+s.err, w-2)) + "\n")
	}
	// One block, its lines aligned on the left, centred as a whole.
	block := lipgloss.NewStyle().Width(w).Render(b.String())
	return lipgloss.Place(s.w, s.h, lipgloss.Center, lipgloss.Center, block)
}

// playingTime says how long a sitting of the scenario takes, where the
// scenario says.
func playingTime(sc *injects.Scenario) string {
	if sc.PlayingTime <= 0 {
		return ""
	}
	return "About " + span(sc.PlayingTime) + " to play at a sensible speed. "
}

// sideAbout says who leads a delegation and which agencies sit in it.
func sideAbout(sc *injects.Scenario, side injects.Side) string {
	var teams []string
	for _, id := range sc.TeamsOf(side) {
		t, _ := sc.Team(id)
		teams = append(teams, t.Name)
	}
	return fmt.Sprintf("Led by %s, with %s. You answer %s requests on time or late, well or thinly, and send your own.",
		strings.TrimSuffix(leadWords(sc.Sides[side].Lead), "."), strings.Join(teams, ", "), side.Other().Possessive())
}

// leadWords fits a delegation's lead after "Led by": a lead that begins
// with "The" loses its capital; a name keeps it.
func leadWords(s string) string {
	if rest, ok := strings.CutPrefix(s, "The "); ok {
		return "the " + rest
	}
	return s
}
