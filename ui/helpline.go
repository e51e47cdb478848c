package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// helpLine is the last line of a seat's screen: the keys that do
// something where the person is, as many as fit.
type helpLine struct{ c *common }

func (l helpLine) height() int { return 1 }

// view draws the keys that fit in the width: once for the same keys, width
// and background, for every screen at the table.
func (l helpLine) view(w int, keys []key.Binding) string {
	var names strings.Builder
	for _, k := range keys {
		if k.Enabled() {
			names.WriteString(k.Help().Key + "\x00" + k.Help().Desc + "\x00")
		}
	}
	return l.c.shared.draw(helpKey{names.String(), w, l.c.styles.IsDark}, func() string {
		l.c.help.SetWidth(w)
		return pad(l.c.help.ShortHelpView(keys), w)
	})
}

// helpKey is what the help line's drawing depends on.
type helpKey struct {
	keys string
	w    int
	dark bool
}

// missing returns the bindings of more that are not already in have.
func missing(have []key.Binding, more ...key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range more {
		if !slices.ContainsFunc(have, func(h key.Binding) bool { return slices.Equal(h.Keys(), b.Keys()) }) {
			out = append(out, b)
		}
	}
	return out
}
