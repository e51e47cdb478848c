package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the exercise answers to. Single letters act; help
// shows only the keys that do something where the player is.
type KeyMap struct {
	Pause   key.Binding
	Faster  key.Binding
	Slower  key.Binding
	Next    key.Binding
	Prev    key.Binding
	Up      key.Binding
	Down    key.Binding
	PageUp  key.Binding
	PageDn  key.Binding
	Open    key.Binding
	Back    key.Binding
	Help    key.Binding
	Quit    key.Binding
	Option  key.Binding // 1-9: a choice, a quality, an answer, a ground
	Decline key.Binding
	Clarify key.Binding
	Send    key.Binding
	Ring    key.Binding
	Left    key.Binding
	Right   key.Binding
	Yes     key.Binding
	No      key.Binding
	Jump    key.Binding // the clock to the next thing that happens
	RunOn   key.Binding // a class's clock stops waiting for the teams
	// The control cell's and evaluators'.
	Fire    key.Binding
	Hold    key.Binding
	Skip    key.Binding
	Message key.Binding
	Observe key.Binding
	End     key.Binding
	Bot     key.Binding
	Remove  key.Binding
	Readmit key.Binding
	Pace    key.Binding
	Board   key.Binding // what the class joins with, over the console
	// The projector's review, a part back or on.
	ShownBack key.Binding
	ShownOn   key.Binding
	// A room of several tables.
	Room key.Binding // back to the room from a table's console
	All  key.Binding // the room's commands to every table, or the one selected
	// After play.
	Feedback key.Binding // a participant's feedback form
	Hotwash  key.Binding // the facilitator's hotwash record, and back
	Add      key.Binding // another corrective action on an issue
	New      key.Binding // a question or an issue the room raised
}

// DefaultKeys is the exercise's keymap.
func DefaultKeys() KeyMap {
	return KeyMap{
		Pause:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause/resume")),
		Faster:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", "speed")),
		Slower:    key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "slower")),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next panel")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous panel")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "scroll up")),
		PageDn:    key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "scroll down")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Option:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "choose")),
		Decline:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "decline part")),
		Clarify:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "clarification")),
		Send:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "send request")),
		Ring:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "ring hotline")),
		Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "change")),
		Right:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "change")),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:        key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		Jump:      key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "jump ahead")),
		RunOn:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "stop waiting")),
		Fire:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fire now")),
		Hold:      key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "hold/release")),
		Skip:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "skip")),
		Message:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "send a message")),
		Observe:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "write an observation")),
		End:       key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "end the exercise")),
		Bot:       key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "team's bot")),
		Remove:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "take out")),
		Readmit:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "let back in")),
		Pace:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pace")),
		Board:     key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "the board")),
		ShownBack: key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "projector's review")),
		ShownOn:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "projector's review on")),

		Room: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "the room")),
		All:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "this table/all")),

		Feedback: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "feedback form")),
		Hotwash:  key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "hotwash record")),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "another action")),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
	}
}

// helpKeys is the help for one place in the exercise: what the bubbles help
// component renders.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// withHelp returns a copy of b whose help text says what it does here.
func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}
