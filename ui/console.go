package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/game"
	"hotline/game/table"
)

// Console is the facilitator's screen: the frame with the script (the
// master scenario events list), the requests, the hotline and the review
// seen from above, the seats of the room, the observations and the log.
// Its own keys send a message as an inject (m), write an observation (o)
// and end the exercise for everyone (E); once it has ended, H puts the
// hotwash record in its place, and back.
type Console struct {
	f      *frame
	seats  *seats
	host   bool     // the class is served from this terminal: quitting closes it
	record *Hotwash // the hotwash record, once opened
	inRec  bool     // the record is on the screen
}

func newConsole(c *common, g *Game, host bool, joinWith []string) *Console {
	x := &Console{seats: newSeats(c, joinWith), host: host}
	x.f = newFrame(c, ControlView, seatName(g), consolePanels(c, x.seats))
	k := c.keys
	x.f.ownHelp = []key.Binding{k.Message, k.Observe, k.Pace, k.End, k.ShownBack}
	if len(joinWith) > 0 {
		x.f.ownHelp = append(x.f.ownHelp, k.Board)
	}
	x.f.keys = x.key
	x.f.quitWords = x.quitWords
	x.f.begin(g)
	if host && len(joinWith) > 0 {
		x.f.overlays.push(&board{c: c, lines: joinWith})
	}
	return x
}

// consolePanels are the control cell's panels, in tab order.
func consolePanels(c *common, seats *seats) []panel {
	return []panel{newScript(c), newRequests(c, false), newHotline(c, false), newReview(c, true), seats, newNotes(c), newJournal(c)}
}

// idleEvery is how often the console brings the seats' idle times up to
// date when nothing else happens.
const idleEvery = 5 * time.Second

// idleMsg is a console's tick for its idle times: a room of tables has a
// console for each, and each takes only its own.
type idleMsg struct{ to *Console }

// idleTick keeps the idle times current; no other seat needs a clock of
// its own.
func (x *Console) idleTick() tea.Cmd {
	if x.f.c.g.manual {
		return nil
	}
	return tea.Tick(idleEvery, func(time.Time) tea.Msg { return idleMsg{x} })
}

func (x *Console) init() tea.Cmd { return tea.Batch(x.f.init(), x.idleTick()) }

func (x *Console) game() *Game { return x.f.c.g }

func (x *Console) view() string {
	if x.inRec {
		return x.record.view()
	}
	return x.f.view()
}

func (x *Console) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case idleMsg:
		if msg.to != x {
			return nil
		}
		return x.idleTick() // the idle times are drawn afresh
	case tea.WindowSizeMsg:
		cmd := x.f.update(msg)
		if x.record != nil { // both laid out: the one behind comes back at the window's size
			cmd = tea.Batch(cmd, x.record.update(msg))
		}
		return cmd
	case reportMsg:
		if x.record != nil {
			return x.record.update(msg)
		}
		return nil
	}
	if x.inRec {
		return x.record.update(msg)
	}
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		return x.f.key(msg)
	}
	before := x.f.c.g.Absent()
	cmd := x.f.update(msg)
	return tea.Batch(cmd, x.f.apply(x.seats.absences(before, x.f.c.g.Absent())))
}

// toRecord puts the hotwash record on the screen, made the first time.
// The screen in front takes the table's news: each frame catches up with
// what came while it was behind.
func (x *Console) toRecord() tea.Cmd {
	if x.record == nil {
		x.record = newHotwash(x.f.c, x.f.c.g, x.toReview)
		x.record.f.quitWords = x.quitWords
		x.record.f.resize(x.f.w, x.f.h)
	}
	x.inRec = true
	x.record.f.afterPlay()
	return tea.Batch(x.record.make(), x.record.f.settle())
}

// toReview puts the closing review back on the screen.
func (x *Console) toReview() tea.Cmd {
	x.inRec = false
	x.f.afterPlay()
	return x.f.settle()
}

// key handles the console's own keys: the projector's review, the
// hotwash record once play has ended, and while play goes on the others.
func (x *Console) key(msg tea.KeyPressMsg) (act, bool) {
	c := x.f.c
	k := c.keys
	switch {
	case key.Matches(msg, k.ShownBack), key.Matches(msg, k.ShownOn):
		return x.turnReview(key.Matches(msg, k.ShownOn)), true
	case x.f.ended && key.Matches(msg, k.Hotwash):
		return act{cmd: x.toRecord()}, true
	case x.f.ended:
		return act{}, false
	case key.Matches(msg, k.Message):
		return messageForm(c).opening(), true
	case key.Matches(msg, k.Observe):
		return noteForm(c).opening(), true
	case key.Matches(msg, k.RunOn) && len(c.g.Waits()) > 0:
		return act{room: &change{do: (*table.Table).RunOn, done: "The clock runs on: what the teams still owe falls due in story time."}}, true
	case key.Matches(msg, k.Pace) && c.g.State().Class:
		return paceForm(c).opening(), true
	case key.Matches(msg, k.Board) && len(x.seats.board) > 0:
		return act{open: &board{c: c, lines: x.seats.board}}, true
	case key.Matches(msg, k.End):
		return act{open: &confirm{c: c, question: "End the exercise for everyone now? y/n",
			words: "The closing review goes to every screen.",
			yes:   command(game.Command{Verb: game.EndExercise}, "The exercise is over: the closing review is on every screen.")}}, true
	}
	return act{}, false
}

// turnReview takes the room's projectors a part of the review on, or
// back, while they show one.
func (x *Console) turnReview(on bool) act {
	g := x.f.c.g
	card := projectedReview(g)
	if card == nil {
		return say(statusInfo, "The projector shows the review when the dialogue meets, and at the end: [ and ] then take the room through it.")
	}
	last := len(card.Requests) + 1 // game.ReviewParts: the title, each request, the sides
	part := g.ReviewPart() - 1
	if on {
		part = g.ReviewPart() + 1
	}
	part = min(max(part, 0), last)
	g.part = part // so that the next key goes on from here, before the news
	return act{room: &change{do: func(tb *table.Table, a game.Actor) error { return tb.ShowReviewPart(a, part) },
		done: "The projector shows " + reviewPartWords(card, part) + "."}}
}

// quitWords say what quitting leaves behind: for the host, the class.
func (x *Console) quitWords() string {
	g := x.f.c.g
	if words, ok := logWords(g); ok {
		return words
	}
	if x.host {
		path := g.LogPath()
		forms := ""
		if g.State().Ended {
			in, of := formsIn(g.State())
			forms = fmt.Sprintf(" (%d of %d feedback forms are in)", in, of)
		}
		return "Quitting closes the class for everyone" + forms + ". Every decision is saved in " + path + "; continue with: hotline serve --resume " + path
	}
	return leaveWords(g)
}
