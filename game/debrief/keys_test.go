package debrief_test

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
	"hotline/ui"
)

// The rules of play list the keys the screens answer to: every key of the
// keymap has its row, as the handbook writes keys.
func TestHandbookKeysAreTheScreens(t *testing.T) {
	words := strings.NewReplacer("pgup", "pgup", "pgdown", "pgdn", "up", "↑", "down", "↓", "1", "1–9")
	hb := debrief.NewHandbook(own(t), game.Viewer{All: true}, debrief.Sitting{})
	has := func(rows []debrief.Entry, k string) bool {
		for _, r := range rows {
			for _, f := range strings.FieldsFunc(r.Name, func(c rune) bool { return c == ' ' || c == '/' }) {
				if f == k {
					return true
				}
			}
		}
		return false
	}
	km := ui.DefaultKeys()
	for _, b := range []key.Binding{km.Pause, km.Faster, km.Slower, km.Next, km.Prev, km.Up, km.Down, km.PageUp, km.PageDn,
		km.Open, km.Back, km.Help, km.Quit, km.Option, km.Decline, km.Clarify, km.Send, km.Ring, km.Jump} {
		if k := words.Replace(b.Keys()[0]); !has(hb.Rules.Keys, k) {
			t.Errorf("the handbook's keys lack %q (%s)", k, b.Help().Desc)
		}
	}
	for _, b := range []key.Binding{km.Fire, km.Hold, km.Skip, km.Message, km.Observe, km.End, km.Bot, km.Remove} {
		if k := b.Keys()[0]; !has(hb.Rules.ControlKeys, k) {
			t.Errorf("the handbook's control keys lack %q (%s)", k, b.Help().Desc)
		}
	}
	if us := debrief.NewHandbook(own(t), game.Viewer{Side: injects.US}, debrief.Sitting{}); len(us.Rules.Keys) != len(hb.Rules.Keys) {
		t.Error("a delegation's handbook has other keys than the facilitator's")
	}
}
