package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"hotline/game"
)

// A paste (the terminal's bracketed paste) goes into the box in focus of
// the form in front, as if typed; a form the engine would refuse stays
// open with what was typed and says why.
func TestFormsTakeAPasteAndKeepWhatWasTyped(t *testing.T) {
	r := newRoom(t, "opm-breach")
	white := r.seat("Ms Rivera", game.Facilitator, "", ControlView, 100, 30)
	keys(white, "m")
	send(white, tea.PasteMsg{Content: "Power cut at the embassy"})
	keys(white, "tab")
	send(white, tea.PasteMsg{Content: "Work from the residence\nuntil noon."})
	f := frameOf(white).overlays.top().(*form)
	if f.value(1) != "Power cut at the embassy" || f.value(2) != "Work from the residence\nuntil noon." {
		t.Fatalf("the form holds %q and %q", f.value(1), f.value(2))
	}
	keys(white, "tab", "tab") // back to the title
	for range len("Power cut at the embassy") {
		keys(white, "backspace")
	}
	ctrlS(white)
	if !formOpen(white) {
		t.Fatal("a message without a title closed its form")
	}
	mustContain(t, plain(white), "✗", "until noon.")
	if f.value(2) != "Work from the residence\nuntil noon." {
		t.Errorf("the text was lost: %q", f.value(2))
	}
}

func ctrlS(m *Model) { send(m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}) }

func typeText(m *Model, s string) {
	for _, r := range s {
		keys(m, string(r))
	}
}

// The field in focus keeps a space between its label and its value, even
// the form's longest label: "▸ Objective ← timely-response →".
func TestAFocusedLabelStandsApartFromItsValue(t *testing.T) {
	r := newRoom(t, "opm-breach")
	eve := r.seat("Eve", game.Evaluator, "", WatchView, 100, 30)
	keys(eve, "o")
	mustContain(t, plain(eve), "▸ Objective ← ")
}
