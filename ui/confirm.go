package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// confirm asks a yes-or-no question on the status line before something
// that cannot be taken back: quitting, ending the exercise for everyone.
// y does it; n, esc or q carries on; every other key waits for an answer.
type confirm struct {
	c        *common
	question string // "Quit? y/n"
	words    string // what it does, beside the question
	yes      act
}

func (x *confirm) update(msg tea.KeyPressMsg) act {
	k := x.c.keys
	switch {
	case key.Matches(msg, k.Yes):
		a := x.yes
		a.close = true
		return a
	case key.Matches(msg, k.No), key.Matches(msg, k.Quit):
		a := say(statusInfo, "Carrying on.")
		a.close = true
		return a
	}
	return act{}
}

func (x *confirm) view(w, _ int) string {
	return pad(x.c.styles.Warn.Render(x.question)+"  "+x.words, w)
}

func (x *confirm) help() []key.Binding { return []key.Binding{x.c.keys.Yes, x.c.keys.No} }

func (x *confirm) region() region { return overStatus }

// quitConfirm asks before quitting, saying what quitting leaves behind.
func quitConfirm(c *common, words string) *confirm {
	return &confirm{c: c, question: "Quit? y/n", words: words, yes: act{cmd: tea.Quit}}
}
