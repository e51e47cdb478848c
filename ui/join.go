package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Join is the join screen of a class: the scenario, then what the student
// is asked (the join code from the board, then the name the others will
// know them by), what went wrong with what they typed last, and the line
// they are typing. The classroom's session reads the keys and checks what
// is typed with the server; Join draws where that stands.
type Join struct {
	Scenario string // the scenario's title
	Step     JoinStep
	Seat     string // the seat the code gives, in words: a team, "the projector"
	Input    string // the line being typed, as its text input draws it
	Name     string // the name typed, when asking whether to take its seat over
	Note     string // what went wrong with the last thing typed
}

// JoinStep is what the join screen asks for.
type JoinStep uint8

const (
	JoinCode     JoinStep = iota // the code from the board
	JoinName                     // the student's name
	JoinTakeOver                 // whether to take over a seat connected from another terminal
	Joining                      // nothing: the table is seating them
)

// View draws the join screen in a window of w × h.
func (j Join) View(s Styles, w, h int) string {
	if w < MinWidth || h < MinHeight {
		return TooSmall(w, h, false)
	}
	var b strings.Builder
	b.WriteString(s.Title.Render("Hotline") + "  " + j.Scenario + "\n\n")
	switch j.Step {
	case JoinCode:
		b.WriteString("Type the join code from the board, then enter.\n\n")
		b.WriteString("Code: " + j.Input)
	case JoinName:
		b.WriteString("You join " + j.Seat + ".\n")
		b.WriteString("Type the name the others will know you by, then enter.\n\n")
		b.WriteString("Name: " + j.Input)
	case JoinTakeOver:
		b.WriteString(j.Name + " is already connected to the exercise from another terminal.\n\n")
		b.WriteString("Take the seat over here? The other terminal's session ends.\n\n")
		b.WriteString(s.Bold.Render("y") + " takes it over · " + s.Bold.Render("n") + " chooses another name")
	case Joining:
		b.WriteString("Joining " + j.Seat + "…")
	}
	if j.Note != "" {
		b.WriteString("\n\n" + s.Warn.Render(j.Note))
	}
	if j.Step != JoinTakeOver {
		b.WriteString("\n\n" + s.Dim.Render("esc leaves"))
	}
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(1, 3).Width(min(70, w-2))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box.Render(b.String()))
}
