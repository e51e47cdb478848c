package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hotline/game"
	"hotline/injects"
)

// calendar writes a story offset as a Washington date and time.
func calendar(sc *injects.Scenario, at time.Duration) string { return game.Clock(sc, at) }

// short writes a story offset as a weekday and time, for tables.
func short(sc *injects.Scenario, at time.Duration) string {
	return sc.Time(at).Format("Mon 02 15:04")
}

// span writes a duration the way people say it: "2d 4h", "3h 20m", "45m".
func span(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Round(time.Minute)
	days, hours, mins := d/(24*time.Hour), (d%(24*time.Hour))/time.Hour, (d%time.Hour)/time.Minute
	var parts []string
	if days > 0 {
		parts = append(parts, strconv.Itoa(int(days))+"d")
	}
	if hours > 0 {
		parts = append(parts, strconv.Itoa(int(hours))+"h")
	}
	if mins > 0 && days == 0 {
		parts = append(parts, strconv.Itoa(int(mins))+"m")
	}
	if len(parts) == 0 {
		return "0m"
	}
	return strings.Join(parts, " ")
}

// bar draws how much of a window is left as a row of blocks, readable
// without colour.
func (s Styles) bar(left, window time.Duration, width int) string {
	if width <= 0 {
		return ""
	}
	frac := 0.0
	if window > 0 {
		frac = float64(left) / float64(window)
	}
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(width) + 0.5)
	return s.BarFull.Render(strings.Repeat("█", full)) + s.BarEmpty.Render(strings.Repeat("░", width-full))
}

// meter draws a variable's value within its range.
func (s Styles) meter(v, lo, hi, width int) string {
	if hi <= lo {
		return ""
	}
	// In floating point, and clamped: a value outside its range, or a range
	// near the limits of an int, still draws a bar of the width asked.
	frac := (float64(v) - float64(lo)) / (float64(hi) - float64(lo))
	full := int(min(max(frac, 0), 1) * float64(width))
	return s.BarFull.Render(strings.Repeat("■", full)) + s.BarEmpty.Render(strings.Repeat("□", width-full))
}

// cut fits one line into width cells, ending it with … when it is too long.
func cut(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// pad fits a line into exactly width cells.
func pad(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s) // measured once: every line of every frame comes here
	if w > width {
		s = ansi.Truncate(s, width, "…")
		w = ansi.StringWidth(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// box fits text into a width × height block: long lines are cut, missing
// lines are blank.
func box(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i := range lines {
		lines[i] = pad(lines[i], width)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines, "\n")
}

// hang writes lead, then text wrapped at word boundaries into the width
// left beside it, each further line indented under the text's first: a
// choice, a ground or a move reads whole at any width, never cut.
func hang(lead, text string, width int) string {
	indent := ansi.StringWidth(lead)
	lines := strings.Split(ansi.Wrap(text, max(width-indent, 10), ""), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", indent) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// fold wraps each line of a laid-out text (a review, with its tables) that
// is wider than width, its further lines indented a little deeper than it:
// a narrow window shows all of it, in rows that run on below themselves.
func fold(text string, width int) string {
	lines := strings.Split(text, "\n")
	var out []string
	for _, l := range lines {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		body := strings.TrimLeft(l, " ")
		indent := strings.Repeat(" ", len(l)-len(body))
		for k, part := range strings.Split(ansi.Wrap(body, max(width-len(indent)-4, 10), ""), "\n") {
			if k > 0 {
				part = "    " + part
			}
			out = append(out, indent+part)
		}
	}
	return strings.Join(out, "\n")
}

// wrap breaks prose into lines of at most width cells.
func wrap(s string, width int) string {
	return lipgloss.NewStyle().Width(width).Render(s)
}

// columns joins left and right blocks with a rule between them.
func (s Styles) columns(left string, lw int, right string, rw, height int) string {
	rule := strings.TrimSuffix(strings.Repeat(s.Rule.Render("│")+"\n", height), "\n")
	return lipgloss.JoinHorizontal(lipgloss.Top, box(left, lw, height), rule, box(right, rw, height))
}

// hrule is a horizontal rule with an optional label.
func (s Styles) hrule(label string, width int) string {
	if label == "" {
		return s.Rule.Render(strings.Repeat("─", width))
	}
	head := "── " + label + " "
	return s.Rule.Render("── ") + s.Dim.Render(label) + " " + s.Rule.Render(strings.Repeat("─", max(0, width-ansi.StringWidth(head))))
}

// countWords counts things: "1 question", "3 questions".
func countWords(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
