package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

// helpLine is the last line of a seat's screen: the keys that do
// something where the person is, as many as fit.
type helpLine struct{ c *common }

func (l helpLine) height() int { return 1 }

func (l helpLine) view(w int, keys []key.Binding) string {
	l.c.help.SetWidth(w)
	return pad(l.c.help.ShortHelpView(keys), w)
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
