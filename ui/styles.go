package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are the looks shared by every panel. Meaning never rests on colour
// alone: overdue, unread, ringing and selected things also carry a symbol or
// a word, so the exercise reads the same with NO_COLOR.
type Styles struct {
	Brand      lipgloss.Style
	Title      lipgloss.Style
	Dim        lipgloss.Style
	Bold       lipgloss.Style
	Accent     lipgloss.Style
	Good       lipgloss.Style
	Warn       lipgloss.Style
	Bad        lipgloss.Style
	Selected   lipgloss.Style
	Tab        lipgloss.Style
	ActiveTab  lipgloss.Style
	Rule       lipgloss.Style
	Modal      lipgloss.Style
	Form       lipgloss.Style
	Header     lipgloss.Style
	BarFull    lipgloss.Style
	BarEmpty   lipgloss.Style
	HelpKey    color.Color
	HelpDesc   color.Color
	IsDark     bool
	Background color.Color
}

// NewStyles makes the styles for a dark or a light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		fg     = ld(lipgloss.Color("#1c1c1c"), lipgloss.Color("#e4e4e4"))
		dim    = ld(lipgloss.Color("#6c6c6c"), lipgloss.Color("#8a8a8a"))
		accent = ld(lipgloss.Color("#005f87"), lipgloss.Color("#5fafd7"))
		good   = ld(lipgloss.Color("#005f00"), lipgloss.Color("#87d787"))
		warn   = ld(lipgloss.Color("#875f00"), lipgloss.Color("#ffd75f"))
		bad    = ld(lipgloss.Color("#af0000"), lipgloss.Color("#ff5f5f"))
		selBg  = ld(lipgloss.Color("#d0e4f0"), lipgloss.Color("#303a4a"))
		rule   = ld(lipgloss.Color("#bcbcbc"), lipgloss.Color("#444444"))
	)
	s := Styles{
		Brand:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Title:     lipgloss.NewStyle().Bold(true).Foreground(fg),
		Dim:       lipgloss.NewStyle().Foreground(dim),
		Bold:      lipgloss.NewStyle().Bold(true),
		Accent:    lipgloss.NewStyle().Foreground(accent),
		Good:      lipgloss.NewStyle().Foreground(good),
		Warn:      lipgloss.NewStyle().Foreground(warn).Bold(true),
		Bad:       lipgloss.NewStyle().Foreground(bad).Bold(true),
		Selected:  lipgloss.NewStyle().Background(selBg).Bold(true),
		Tab:       lipgloss.NewStyle().Foreground(dim),
		ActiveTab: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Rule:      lipgloss.NewStyle().Foreground(rule),
		Modal: lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(bad).
			Padding(0, 1),
		Form:     lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Header:   lipgloss.NewStyle().Foreground(fg),
		BarFull:  lipgloss.NewStyle().Foreground(accent),
		BarEmpty: lipgloss.NewStyle().Foreground(rule),
		HelpKey:  accent,
		HelpDesc: dim,
		IsDark:   isDark,
	}
	return s
}
