package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/table"
	"hotline/injects"
)

// Player is the screen of a seat that plays: a solo player's, who keeps
// the clock against a scripted counterpart, or a team's in a class. It is
// the frame with the feed, the requests, the hotline, the review and the
// log, all of them the seat's to act in; and it makes a solo exercise
// again when its scenario file changes.
type Player struct {
	f     *frame
	relog func(*injects.Scenario) (table.Recorder, error)
}

func newPlayer(c *common, g *Game, relog func(*injects.Scenario) (table.Recorder, error)) *Player {
	p := &Player{relog: relog}
	p.f = newFrame(c, PlayView, seatName(g), playerPanels(c))
	p.f.quitWords = p.quitWords
	p.f.begin(g)
	return p
}

// playerPanels are a playing seat's panels, in tab order.
func playerPanels(c *common) []panel {
	return []panel{newFeed(c, true), newRequests(c, true), newHotline(c, true), newReview(c, false), newJournal(c)}
}

func (p *Player) init() tea.Cmd { return p.f.init() }

func (p *Player) game() *Game { return p.f.c.g }

func (p *Player) view() string { return p.f.view() }

func (p *Player) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return p.f.key(msg)
	case ScenarioChanged:
		return p.scenarioChanged(msg)
	case reloadedMsg:
		return p.reloaded(msg)
	}
	return p.f.update(msg)
}

// quitWords say what quitting leaves behind: the log and how to go on.
func (p *Player) quitWords() string {
	g := p.f.c.g
	path := g.LogPath()
	if words, ok := logWords(g); ok {
		return words
	}
	switch {
	case g.Actor.Role == game.Player:
		return leaveWords(g)
	case path == "":
		return "This exercise has no log."
	case g.State().Ended:
		return "The log is saved in " + path + "; print the review with: hotline review " + path
	}
	return "Every decision so far is saved in " + path + "; resume with: hotline resume " + path
}

// scenarioChanged makes a solo exercise again on its changed scenario, or
// says why the change cannot be played.
func (p *Player) scenarioChanged(msg ScenarioChanged) tea.Cmd {
	g := p.f.c.g
	if !g.alone || p.relog == nil {
		return nil
	}
	if msg.Scenario == nil {
		first := ""
		for _, d := range msg.Findings {
			if d.Severity == injects.Error {
				first = ": " + d.String()
				break
			}
		}
		p.f.say(statusBad, fmt.Sprintf("The scenario file changed but does not load (%d errors)%s. Still playing the last version.",
			msg.Findings.Errors(), first))
		return nil
	}
	p.f.say(statusInfo, "The scenario file changed: making the exercise again on it…")
	return g.rebase(msg.Scenario, p.relog)
}

// reloaded puts the exercise made again on the screen, and says which of
// the player's decisions no longer apply.
func (p *Player) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		p.f.say(statusBad, "Could not make the exercise again on the changed file: "+msg.err.Error())
		return nil
	}
	old := p.f.c.g
	msg.g.manual = old.manual
	p.f.begin(msg.g)
	old.Close()
	st := msg.g.State()
	for _, d := range msg.dropped {
		msg.g.journal = append(msg.g.journal, journalLine{at: d.Event.At,
			text: "NO LONGER APPLIES: " + d.Event.Type.String() + " " + strings.TrimSpace(d.Event.Inject+" "+d.Event.Choice+" "+d.Event.Request+" "+d.Event.Element+" "+d.Event.Action) + ": " + d.Reason.Error()})
	}
	text := "Made again on the changed file, at " + calendar(msg.g.Scenario(), st.Now) + "; every decision still applies."
	if n := len(msg.dropped); n > 0 {
		text = fmt.Sprintf("Made again on the changed file, at %s; %d decision(s) no longer apply (see Log): the first, %s: %v",
			calendar(msg.g.Scenario(), st.Now), n, msg.dropped[0].Event.Type, msg.dropped[0].Reason)
	}
	p.f.say(statusInfo, text)
	return tea.Batch(msg.g.listen(), p.f.settle())
}
