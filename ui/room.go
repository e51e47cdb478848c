package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hotline/injects"
)

// RoomTable is one table of a room served at once: its name on the board
// and its game, seen by the room's facilitator or projector, with the
// drawings its own screens share.
type RoomTable struct {
	Name   string
	Game   *Game
	Shared *Shared
}

// Room is the facilitator's console over a room of several tables: each
// table's clock, ladder, who sits at it, what its teams owe and what needs
// the facilitator (a call ringing, a request overdue), a few lines a table.
// enter opens a table's own console, as a class of one table has it, and
// R comes back. space, + and - and m (a message) go to the table selected,
// or after a to every table at once.
type Room struct {
	c        *common // the room's own: its looks and keys
	tables   []roomTable
	cursor   int
	all      bool // the room's commands go to every table
	open     int  // the table whose console is on the screen, or -1
	overlays overlays
	status   statusLine
	host     bool
	joinWith []string // the board: how to join, each table's codes, the room's
	w, h     int
}

type roomTable struct {
	name string
	x    *Console
}

func newRoomConsole(c *common, tables []RoomTable, host bool, joinWith []string, manual bool) *Room {
	r := &Room{c: c, open: -1, overlays: overlays{now: c.now}, status: statusLine{c: c}, host: host, joinWith: joinWith,
		w: MinWidth, h: MinHeight}
	for _, t := range tables {
		tc := newCommon(c.now)
		tc.share(t.Shared)
		t.Game.manual = manual
		x := newConsole(tc, t.Game, host, nil)
		x.f.header.name = t.Name + " · " + x.f.header.name
		x.f.ownHelp = append(x.f.ownHelp, c.keys.Room)
		x.f.quitWords = r.quitWords
		r.tables = append(r.tables, roomTable{name: t.Name, x: x})
	}
	r.status.set(status{statusInfo, fmt.Sprintf("%d tables. enter opens the one selected; a turns commands to every table.", len(tables))})
	if host && len(joinWith) > 0 {
		r.overlays.push(r.board())
	}
	return r
}

func (r *Room) init() tea.Cmd {
	var cmds []tea.Cmd
	for _, t := range r.tables {
		cmds = append(cmds, t.x.init())
	}
	return tea.Batch(cmds...)
}

// game is the game of the table open, if one is.
func (r *Room) game() *Game {
	if r.open >= 0 {
		return r.tables[r.open].x.game()
	}
	return nil
}

// games are the room's tables' games, for whoever delivers their news.
func (r *Room) games() []*Game {
	var out []*Game
	for _, t := range r.tables {
		out = append(out, t.x.game())
	}
	return out
}

func (r *Room) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.w, r.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		for _, t := range r.tables {
			t.x.f.c.setStyles(r.c.styles)
		}
	case tea.KeyPressMsg:
		return r.key(msg)
	case tea.PasteMsg:
		if r.open >= 0 {
			return r.tables[r.open].x.update(msg)
		}
		return r.apply(r.overlays.paste(msg))
	}
	// Everything else (the tables' news, their ticks, the window) goes to
	// every table's console: each takes what is its own.
	var cmds []tea.Cmd
	for _, t := range r.tables {
		cmds = append(cmds, t.x.update(msg))
	}
	return tea.Batch(cmds...)
}

// key routes a key: to the open table's console (R returns to the room
// when nothing is open over it), else to the room's overlay, else the
// room's own keys.
func (r *Room) key(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.keys
	if r.open >= 0 {
		x := r.tables[r.open].x
		if key.Matches(msg, k.Room) && x.f.overlays.top() == nil && !x.inRec {
			r.open = -1
			return nil
		}
		return x.update(msg)
	}
	if a, took := r.overlays.key(msg); took && !a.pass {
		return r.apply(a)
	}
	switch {
	case key.Matches(msg, k.Up):
		r.cursor = max(0, r.cursor-1)
	case key.Matches(msg, k.Down):
		r.cursor = min(len(r.tables)-1, r.cursor+1)
	case key.Matches(msg, k.Open):
		r.open = r.cursor
		x := r.tables[r.open].x
		x.f.say(statusInfo, r.tables[r.open].name+", as a class of one table has it. R goes back to the room.")
		return x.update(tea.WindowSizeMsg{Width: r.w, Height: r.h})
	case key.Matches(msg, k.All):
		r.all = !r.all
		r.status.set(status{statusInfo, "Commands go to " + r.targetWords() + "."})
	case key.Matches(msg, k.Pause):
		return r.startOrPause()
	case key.Matches(msg, k.Faster), key.Matches(msg, k.Slower):
		dir := 1
		if key.Matches(msg, k.Slower) {
			dir = -1
		}
		var cmds []tea.Cmd
		for _, x := range r.targets() {
			cmds = append(cmds, x.f.apply(x.f.speed(dir)))
		}
		r.status.set(status{statusInfo, "The speed changes at " + r.targetWords() + "."})
		return tea.Batch(cmds...)
	case key.Matches(msg, k.Message):
		return r.apply(messageForm(r.tables[r.cursor].x.f.c).opening())
	case key.Matches(msg, k.Board) && len(r.joinWith) > 0:
		r.overlays.push(r.board())
	case key.Matches(msg, k.Quit):
		r.overlays.push(quitConfirm(r.c, r.quitWords()))
	}
	return nil
}

// board is the room's board, over the overview until it is put away.
func (r *Room) board() *board {
	return &board{c: r.c, lines: r.joinWith, away: "B shows the board again; it is kept, a sheet a table, beside the room's file."}
}

// apply carries out what the room's overlay asked: a message form's order
// goes to every table it is meant for.
func (r *Room) apply(a act) tea.Cmd {
	if a.say.text != "" {
		r.status.set(a.say)
	}
	if a.open != nil {
		r.overlays.push(a.open)
	}
	cmd := a.cmd
	if a.order != nil {
		for _, x := range r.targets() {
			cmd = tea.Batch(cmd, x.f.apply(act{order: a.order}))
		}
		r.status.set(status{statusGood, "✓ " + a.order.done + " to " + r.targetWords() + "."})
	}
	return cmd
}

// startOrPause starts the clock of the table selected, or pauses it; for
// every table, it pauses them all if any runs, else starts them all.
func (r *Room) startOrPause() tea.Cmd {
	run := true
	for _, x := range r.targets() {
		if x.game().State().Running {
			run = false
		}
	}
	var cmds []tea.Cmd
	for _, t := range r.tables {
		if !r.targeted(t.x) || t.x.f.ended {
			continue
		}
		name := t.name
		cmds = append(cmds, t.x.game().setRunning(run, false, func(err error) {
			if err != nil {
				r.status.set(status{statusBad, "✗ " + name + ": " + err.Error()})
			}
		}))
	}
	words := "Paused"
	if run {
		words = "Started"
	}
	r.status.set(status{statusInfo, words + " the clock at " + r.targetWords() + "."})
	return tea.Batch(cmds...)
}

// targets are the consoles of the tables the room's commands go to.
func (r *Room) targets() []*Console {
	var out []*Console
	for _, t := range r.tables {
		if r.targeted(t.x) {
			out = append(out, t.x)
		}
	}
	return out
}

func (r *Room) targeted(x *Console) bool { return r.all || r.tables[r.cursor].x == x }

func (r *Room) targetWords() string {
	switch {
	case r.all && len(r.tables) == 2:
		return "both tables"
	case r.all:
		return fmt.Sprintf("all %d tables", len(r.tables))
	}
	return r.tables[r.cursor].name
}

// quitWords say what quitting the room's console leaves behind.
func (r *Room) quitWords() string {
	if !r.host {
		return "You leave; the tables go on without you."
	}
	return fmt.Sprintf("Quitting closes all %d tables for everyone. Every decision is saved in each table's log; hotline serve --resume continues the room.", len(r.tables))
}

func (r *Room) view() string {
	if r.open >= 0 {
		return r.tables[r.open].x.view()
	}
	s := r.c.styles
	target := "this table"
	if r.all {
		target = s.Warn.Render("ALL TABLES")
	}
	right := s.Dim.Render(fmt.Sprintf("a room of %d tables · commands go to ", len(r.tables))) + target
	room := max(0, r.w-lipglossWidth(right)-2)
	left := cut(s.Brand.Render("HOTLINE")+"  "+s.Title.Render(r.scenario().Title), room)
	head := pad(pad(left, room)+"  "+right, r.w)
	bodyH := r.h - 3
	var body string
	if o := r.overlays.on(overPanels); o != nil {
		body = box(o.view(r.w, bodyH), r.w, bodyH)
	} else {
		body = r.overview(r.w, bodyH)
	}
	line := r.status.view(r.w)
	if o := r.overlays.on(overStatus); o != nil {
		line = o.view(r.w, 1)
	}
	return strings.Join([]string{head, body, line, helpLine{c: r.c}.view(r.w, r.help())}, "\n")
}

// overview is each table's lines, the selected one marked, scrolled to it.
func (r *Room) overview(w, h int) string {
	s := r.c.styles
	var lines []string
	at := 0
	for i, t := range r.tables {
		card := tableLines(t.x.f.c, t.name, w-2, true)
		mark := "  "
		if i == r.cursor {
			at = len(lines)
			mark = s.Accent.Render("▸ ")
		}
		for j, l := range card {
			if j > 0 {
				mark = "  "
			}
			lines = append(lines, mark+l)
		}
		lines = append(lines, "")
	}
	return box(scrolledLines(lines, at, h), w, h)
}

func (r *Room) help() []key.Binding {
	if t := r.overlays.top(); t != nil {
		return t.help()
	}
	k := r.c.keys
	keys := []key.Binding{k.Up, k.Down, withHelp(k.Open, "enter", "open table"), withHelp(k.All, "a", "this table/all"),
		k.Pause, k.Faster, k.Message}
	if len(r.joinWith) > 0 {
		keys = append(keys, k.Board)
	}
	return append(keys, k.Quit)
}

func (r *Room) scenario() *injects.Scenario { return r.tables[0].x.game().Scenario() }
