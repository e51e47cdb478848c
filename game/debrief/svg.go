package debrief

import (
	"cmp"
	"fmt"
	"html"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"hotline/game"
)

// The timeline chart is SVG written here, inline in the report: no script
// and nothing fetched, so that it prints as it shows. It is drawn in a
// 1000-unit-wide box that the page scales to its width; every mark has a
// title, which browsers show on hover, and nothing is told by colour
// alone: each outcome has its own shape, and the legend says which.

// The box is 1000 units wide, printed about 273 mm wide on A4 landscape:
// a unit is about 0.77 pt, so no text is set below 10.5 units (8 pt).
const (
	svgW      = 1000.0
	svgLabelW = 150.0 // the column of row labels
	svgX0     = 158.0 // where the plot starts
	svgX1     = 992.0
	svgAxisH  = 44.0
	svgRowH   = 18.0
	svgCallH  = 18.0
	svgLaneH  = 18.0
	svgTitleH = 18.0
	svgGap    = 6.0
	svgText   = 10.5 // the size of the chart's words
	svgSmall  = 10.0 // the size of labels in the margin column
	svgLabelH = 12.0 // a row of mark numbers above a lane
)

// Colours of the chart; the stylesheet's legend uses the same.
const (
	colUS       = "#0b5cad"
	colCN       = "#b42318"
	colOnTime   = "#1a7f37"
	colLate     = "#bc4c00"
	colDeclined = "#6e40c9"
	colNever    = "#cf222e"
	colPending  = "#8c959f"
	colInk      = "#24292f"
	colMuted    = "#57606a"
	colGrid     = "#eaeef2"
	colGridDay  = "#d0d7de"
	colControl  = "#1f2328"
	colReview   = "#f2cc60"
)

var meterColours = []string{"#1a7f37", "#bf8700", "#8250df", "#0969da"}
var meterDashes = []string{"", "5 3", "2 2", "8 2 2 2"}

// svg accumulates the chart's elements.
type svg struct {
	b    strings.Builder
	span time.Duration
	y    float64
	// warp maps story offsets to x: at[i] is drawn at x[i], and straight
	// between. Busy days get more room than quiet ones on a long calendar.
	warp struct{ at, x []float64 }
}

func (s *svg) x(at time.Duration) float64 {
	if s.span <= 0 || len(s.warp.at) < 2 {
		return svgX0
	}
	v := math.Min(math.Max(float64(at), 0), float64(s.span))
	ats, xs := s.warp.at, s.warp.x
	i := 1
	for i < len(ats)-1 && ats[i] < v {
		i++
	}
	if ats[i] == ats[i-1] {
		return xs[i]
	}
	return xs[i-1] + (xs[i]-xs[i-1])*(v-ats[i-1])/(ats[i]-ats[i-1])
}

// warpDays is the story span from which the chart gives busy days more
// room: below it, the calendar is drawn to scale.
const warpDays = 14

// scale lays out the calendar across the plot: to scale for a short run;
// for a long one, each day in proportion to its length and to how much
// happened in it, so that the busy days are not squeezed by the quiet
// weeks around them.
func (s *svg) scale(t *Timeline) {
	bounds := []float64{0}
	for _, d := range t.Days {
		if at := float64(d.At); at > 0 && at < float64(s.span) {
			bounds = append(bounds, at)
		}
	}
	bounds = append(bounds, float64(s.span))
	weights := make([]float64, len(bounds)-1)
	events := make([]int, len(weights))
	if s.span > warpDays*24*time.Hour {
		count := func(at game.Offset) {
			for i := range weights {
				if float64(at) < bounds[i+1] || i == len(weights)-1 {
					events[i]++
					return
				}
			}
		}
		for _, m := range t.Marks {
			count(m.At.At)
		}
		for _, r := range t.Requests {
			count(r.Sent.At)
			for _, p := range r.Parts {
				if p.At != nil {
					count(p.At.At)
				}
			}
		}
		for _, c := range t.Calls {
			count(c.Rang.At)
		}
	}
	total := 0.0
	for i := range weights {
		days := (bounds[i+1] - bounds[i]) / float64(24*time.Hour)
		weights[i] = days * (1 + 0.4*math.Min(float64(events[i]), 10))
		total += weights[i]
	}
	s.warp.at, s.warp.x = bounds, []float64{svgX0}
	x := svgX0
	for _, w := range weights {
		if total > 0 {
			x += (svgX1 - svgX0) * w / total
		}
		s.warp.x = append(s.warp.x, x)
	}
}

// warped reports whether the axis gives some days more room than others.
func (s *svg) warped() bool { return s.span > warpDays*24*time.Hour }

func (s *svg) printf(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// text writes a label; anchor is start, middle or end.
func (s *svg) text(x, y float64, size float64, anchor, fill, weight, content string) {
	s.printf(`<text x="%.1f" y="%.1f" font-size="%.1f" text-anchor="%s" fill="%s"%s>%s</text>`+"\n",
		x, y, size, anchor, fill, weightAttr(weight), html.EscapeString(content))
}

func weightAttr(w string) string {
	if w == "" {
		return ""
	}
	return ` font-weight="` + w + `"`
}

// titled wraps an element with the title browsers show on hover.
func titled(element, title string) string {
	return strings.Replace(element, "/>", "><title>"+html.EscapeString(title)+"</title></"+tagOf(element)+">", 1)
}

func tagOf(element string) string {
	name, _, _ := strings.Cut(strings.TrimPrefix(element, "<"), " ")
	return name
}

// marker draws one of the chart's shapes centred on x, y.
func marker(shape string, x, y float64, colour string) string {
	const r = 3.4
	switch shape {
	case "circle":
		return fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/>`, x, y, r, colour)
	case "ring":
		return fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#fff" stroke="%s" stroke-width="1.4"/>`, x, y, r-0.4, colour)
	case "triangle":
		return fmt.Sprintf(`<path d="M%.1f %.1fL%.1f %.1fL%.1f %.1fZ" fill="%s"/>`, x, y-r-0.6, x+r+0.4, y+r-0.6, x-r-0.4, y+r-0.6, colour)
	case "down":
		return fmt.Sprintf(`<path d="M%.1f %.1fL%.1f %.1fL%.1f %.1fZ" fill="%s"/>`, x, y+r, x+r, y-r, x-r, y-r, colour)
	case "diamond":
		return fmt.Sprintf(`<path d="M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ" fill="%s"/>`, x, y-r-0.6, x+r+0.6, y, x, y+r+0.6, x-r-0.6, y, colour)
	case "square":
		return fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#fff" stroke="%s" stroke-width="1.6"/>`, x-r+0.4, y-r+0.4, 2*r-0.8, 2*r-0.8, colour)
	case "cross":
		return fmt.Sprintf(`<path d="M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f" stroke="%s" stroke-width="1.8" fill="none"/>`, x-r, y-r, x+r, y+r, x-r, y+r, x+r, y-r, colour)
	case "tick":
		return fmt.Sprintf(`<path d="M%.1f %.1fv%.1f" stroke="%s" stroke-width="1.3"/>`, x, y-4.5, 9.0, colour)
	case "star":
		return fmt.Sprintf(`<path d="M%.1f %.1fv%.1fM%.1f %.1fh%.1fM%.1f %.1fl%.1f %.1fM%.1f %.1fl%.1f %.1f" stroke="%s" stroke-width="1.3"/>`,
			x, y-r, 2*r, x-r, y, 2*r, x-r*0.7, y-r*0.7, 1.4*r, 1.4*r, x-r*0.7, y+r*0.7, 1.4*r, -1.4*r, colour)
	}
	return ""
}

// outcomeShape is how the chart marks what became of a part.
func outcomeShape(outcome string) (string, string) {
	switch outcome {
	case OnTime:
		return "circle", colOnTime
	case Late:
		return "triangle", colLate
	case Declined:
		return "diamond", colDeclined
	case Never:
		return "square", colNever
	}
	return "ring", colPending
}

func sideColour(side string) string {
	switch side {
	case "us":
		return colUS
	case "cn":
		return colCN
	}
	return colControl
}

func firstLetter(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// clipLabel keeps a row label inside its column.
func clipLabel(s string, most int) string {
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most-1]) + "…"
}

// SVG draws the timeline as an inline SVG chart, with the run's outcome
// at its end.
func (t *Timeline) SVG(outcome string) string {
	s := &svg{span: time.Duration(t.To.At)}
	s.scale(t)
	body := &svg{span: s.span, warp: s.warp}
	body.y = svgAxisH
	body.requests(t)
	body.calls(t)
	body.ladder(t)
	body.meters(t)
	body.lanes(t)
	legendY := body.y + svgGap
	body.legend(legendY)
	height := legendY + 4*legendRowH + 6
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="timeline-title" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif" class="timeline">`+"\n", svgW, height)
	s.printf(`<title id="timeline-title">%s</title>`+"\n", html.EscapeString(fmt.Sprintf("Timeline of the run, %s to %s", t.From.Time, t.To.Time)))
	s.axis(t, svgAxisH-4, legendY-svgGap)
	s.b.WriteString(body.b.String())
	s.ending(outcome, svgAxisH-4, legendY-svgGap)
	for _, m := range t.Marks { // the dialogue's reviews, across everything
		if m.Kind == MarkReview {
			x := s.x(time.Duration(m.At.At))
			s.printf("%s\n", titled(fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="3" height="%.1f" fill="%s" opacity="0.55"/>`, x-1.5, svgAxisH-4, legendY-svgGap-svgAxisH+4, colReview), m.At.Time+": "+m.Text))
		}
	}
	s.b.WriteString("</svg>\n")
	return s.b.String()
}

// axis draws the days of the story calendar: a line for each, and a date
// wherever there is room for one since the last.
func (s *svg) axis(t *Timeline, top, bottom float64) {
	s.printf(`<path d="M%.1f %.1fH%.1f" stroke="%s"/>`+"\n", svgX0, top, svgX1, colGridDay)
	last := math.Inf(-1)
	for _, d := range t.Days {
		x := s.x(time.Duration(d.At))
		labelled := x-last >= 58 && x < svgX1-40
		colour := colGrid
		if labelled {
			colour = colGridDay
			last = x
		}
		s.printf(`<path d="M%.1f %.1fV%.1f" stroke="%s" stroke-width="0.8"/>`+"\n", x, top, bottom, colour)
		if labelled {
			label := d.Time
			if _, rest, ok := strings.Cut(label, " "); ok {
				label = rest // "02 Oct"
			}
			s.text(x+2, top-5, svgText, "start", colMuted, "", label)
		}
	}
	words := "story calendar, " + t.Zone + " time"
	if s.warped() {
		words += "; busy days drawn wider"
	}
	s.text(4, top-22, svgText, "start", colMuted, "", words)
}

// ending marks the end of the run on the chart, with its outcome.
func (s *svg) ending(outcome string, top, bottom float64) {
	if outcome == "" {
		return
	}
	x := s.x(s.span)
	s.printf(`<path d="M%.1f %.1fV%.1f" stroke="%s" stroke-width="2"/>`+"\n", x, top-14, bottom, colInk)
	s.text(x-3, top-22, svgText, "end", colInk, "700", "End: "+clipLabel(outcome, 70))
}

func (s *svg) section(title string, height float64, shaded bool) {
	if shaded {
		s.printf(`<rect x="0" y="%.1f" width="%.0f" height="%.1f" fill="#f6f8fa"/>`+"\n", s.y, svgW, height)
	}
	s.text(4, s.y+13, svgText+0.5, "start", colInk, "700", title)
}

// rowLabel names a row of requests or calls, and its direction.
func (s *svg) rowLabel(mid float64, label, from string) {
	s.text(8, mid+3.5, svgText, "start", colInk, "", label)
	s.text(svgLabelW, mid+3.5, svgSmall, "end", sideColour(from), "", sideShort(from)+"→"+sideShort(otherSide(from)))
}

// rows draws a section of n rows, each drawn around its middle line.
func (s *svg) rows(title string, n int, rowH float64, shaded bool, draw func(i int, mid float64)) {
	if n == 0 {
		return
	}
	h := svgTitleH + rowH*float64(n) + 2
	s.section(title, h, shaded)
	for i := range n {
		draw(i, s.y+svgTitleH+rowH*float64(i)+rowH/2)
	}
	s.y += h + svgGap
}

func (s *svg) requests(t *Timeline) {
	s.rows("Requests", len(t.Requests), svgRowH, true, func(i int, mid float64) {
		r := &t.Requests[i]
		s.rowLabel(mid, clipLabel(r.ID, 16), r.From)
		x0, x1 := s.x(time.Duration(r.Sent.At)), s.x(time.Duration(r.Due.At))
		fill := "#d8e6f7"
		if r.From == "cn" {
			fill = "#f8dcd8"
		}
		s.printf("%s\n", titled(fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="6" rx="2" fill="%s" stroke="%s" stroke-width="0.6"/>`, x0, mid-3, math.Max(x1-x0, 1.5), fill, sideColour(r.From)),
			fmt.Sprintf("%s: %s. Sent %s; last part due %s; %s", r.ID, r.Subject, r.Sent.Time, r.Due.Time, r.Status)))
		for _, p := range r.Parts {
			s.printf(`<path d="M%.1f %.1fv8" stroke="%s" stroke-width="0.8"/>`+"\n", s.x(time.Duration(p.Due.At)), mid-4, colMuted)
		}
		for _, p := range r.Parts {
			at := p.Due
			if p.At != nil {
				at = *p.At
			}
			shape, colour := outcomeShape(p.Outcome)
			tip := fmt.Sprintf("%s, %s: %s (due %s", r.ID, cmp.Or(p.Name, p.Part), p.Outcome, p.Due.Time)
			if p.At != nil {
				tip += ", done " + p.At.Time
			}
			tip += ")"
			if p.Detail != "" {
				tip += "; " + p.Detail
			}
			s.printf("%s\n", titled(marker(shape, s.x(time.Duration(at.At)), mid, colour), tip))
		}
	})
}

func (s *svg) calls(t *Timeline) {
	s.rows("Hotline calls", len(t.Calls), svgCallH, false, func(i int, mid float64) {
		c := &t.Calls[i]
		s.rowLabel(mid, fmt.Sprintf("call %d", c.N), c.From)
		x0, x1 := s.x(time.Duration(c.Rang.At)), s.x(time.Duration(c.AnswerBy.At))
		about := ""
		if c.About != "" {
			about = " about " + c.About
		}
		s.printf("%s\n", titled(fmt.Sprintf(`<rect x="%.1f" y="%.1f" width="%.1f" height="4" fill="#d0d7de"/>`, x0, mid-2, math.Max(x1-x0, 1.5)),
			fmt.Sprintf("call %d%s, rang %s, to be answered by %s", c.N, about, c.Rang.Time, c.AnswerBy.Time)))
		s.printf("%s\n", marker("tick", x0, mid, sideColour(c.From)))
		switch {
		case c.Answered != nil:
			x := s.x(time.Duration(c.Answered.At))
			if c.PromiseBy != nil && c.Promise != "" {
				px := s.x(time.Duration(c.PromiseBy.At))
				s.printf(`<path d="M%.1f %.1fH%.1f" stroke="%s" stroke-dasharray="3 2" stroke-width="1.2"/>`+"\n", x, mid, px, colMuted)
				end, colour := "ring", colPending
				switch c.Promise {
				case "kept":
					end, colour = "circle", colOnTime
				case "broken":
					end, colour = "cross", colNever
				}
				endAt := px
				if c.Settled != nil {
					endAt = s.x(time.Duration(c.Settled.At))
				}
				s.printf("%s\n", titled(marker(end, endAt, mid, colour), fmt.Sprintf("call %d: commitment %s (due %s)", c.N, c.Promise, c.PromiseBy.Time)))
			}
			colour := map[string]string{"commit": colOnTime, "explain": colUS, "deny": colLate}[c.Outcome]
			s.printf("%s\n", titled(fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="6.5" fill="#fff" stroke="%s" stroke-width="1.3"/>`, x, mid, colour),
				fmt.Sprintf("call %d answered %s: %s", c.N, c.Answered.Time, c.Outcome)))
			s.text(x, mid+3.4, 9.5, "middle", colour, "700", strings.ToUpper(firstLetter(c.Outcome)))
		case c.Outcome == "missed":
			s.printf("%s\n", titled(marker("cross", x1, mid, colNever), fmt.Sprintf("call %d rang out unanswered at %s", c.N, c.AnswerBy.Time)))
		}
	})
}

// step draws a value held from point to point as a path of steps.
func (s *svg) step(points []float64, at []time.Duration, end time.Duration, y func(float64) float64, colour, dash string, width float64) {
	if len(points) == 0 {
		return
	}
	var d strings.Builder
	fmt.Fprintf(&d, "M%.1f %.1f", s.x(at[0]), y(points[0]))
	for i := 1; i < len(points); i++ {
		fmt.Fprintf(&d, "H%.1fV%.1f", s.x(at[i]), y(points[i]))
	}
	fmt.Fprintf(&d, "H%.1f", s.x(end))
	dashAttr := ""
	if dash != "" {
		dashAttr = ` stroke-dasharray="` + dash + `"`
	}
	s.printf(`<path d="%s" fill="none" stroke="%s" stroke-width="%.1f"%s/>`+"\n", d.String(), colour, width, dashAttr)
}

func (s *svg) ladder(t *Timeline) {
	n := len(t.Ladder.Rungs)
	if n == 0 {
		return
	}
	const rungH = 13.0
	h := svgTitleH + rungH*float64(n) + 4
	s.section("Escalation ladder", h, true)
	base := s.y + svgTitleH + rungH*float64(n-1) + 2
	y := func(r float64) float64 { return base - rungH*r }
	for r, title := range t.Ladder.Rungs {
		s.text(svgLabelW, y(float64(r))+3.5, svgSmall, "end", colMuted, "", clipLabel(title, 24))
		s.printf(`<path d="M%.1f %.1fH%.1f" stroke="%s" stroke-width="0.6"/>`+"\n", svgX0, y(float64(r)), svgX1, colGridDay)
	}
	var at []time.Duration
	var rung, us, cn []float64
	for _, p := range t.Ladder.Points {
		at = append(at, time.Duration(p.At.At))
		rung, us, cn = append(rung, float64(p.Rung)), append(us, float64(p.US)), append(cn, float64(p.CN))
	}
	end := time.Duration(t.To.At)
	s.step(rung, at, end, y, "#afb8c1", "", 4.5)
	s.step(us, at, end, func(r float64) float64 { return y(r) - 1.2 }, colUS, "5 2", 1.4)
	s.step(cn, at, end, func(r float64) float64 { return y(r) + 1.2 }, colCN, "2 2", 1.4)
	for _, p := range t.Ladder.Points {
		if p.Side == "" {
			continue // where play starts
		}
		s.printf("%s\n", titled(fmt.Sprintf(`<circle cx="%.1f" cy="%.1f" r="2" fill="%s"/>`, s.x(time.Duration(p.At.At)), y(float64(sideLevel(p))), sideColour(p.Side)),
			fmt.Sprintf("%s: %s escalation to %s (%s); the ladder at %s", p.At.Time, sideShort(p.Side), t.rung(sideLevel(p)), p.Cause, t.rung(p.Rung))))
	}
	s.y += h + svgGap
}

func (s *svg) meters(t *Timeline) {
	if len(t.Meters) == 0 {
		return
	}
	const bandH = 56.0
	h := svgTitleH + bandH + 4
	s.section("Meters", h, false)
	top := s.y + svgTitleH
	for i, pct := range []float64{0, 0.5, 1} {
		yy := top + bandH - bandH*pct
		s.printf(`<path d="M%.1f %.1fH%.1f" stroke="%s" stroke-width="0.6"/>`+"\n", svgX0, yy, svgX1, colGridDay)
		s.text(svgX0-3, yy+3.5, svgSmall, "end", colMuted, "", []string{"min", "mid", "max"}[i])
	}
	for i, m := range t.Meters {
		if len(m.Points) == 0 {
			continue
		}
		colour, dash := meterColours[i%len(meterColours)], meterDashes[i%len(meterDashes)]
		span := float64(max(m.Max-m.Min, 1))
		y := func(v float64) float64 { return top + bandH - bandH*(v-float64(m.Min))/span }
		var at []time.Duration
		var vals []float64
		for _, p := range m.Points {
			at = append(at, time.Duration(p.At))
			vals = append(vals, float64(p.Value))
		}
		s.step(vals, at, time.Duration(t.To.At), y, colour, dash, 1.6)
		ly := top + 10 + 13*float64(i)
		dashAttr := ""
		if dash != "" {
			dashAttr = ` stroke-dasharray="` + dash + `"`
		}
		s.printf(`<path d="M10 %.1fh18" stroke="%s" stroke-width="1.6"%s/>`+"\n", ly-3, colour, dashAttr)
		last := m.Points[len(m.Points)-1].Value
		s.text(32, ly, svgSmall, "start", colInk, "", fmt.Sprintf("%s %d→%d (%d–%d)", clipLabel(m.ID, 9), m.Points[0].Value, last, m.Min, m.Max))
	}
	s.y += h + svgGap
}

// lanes draws the marks: what reached each side and what it did, and the
// White Cell's moves. The decisions, the decisions left to their
// deadlines and the actions carry the numbers of the list printed under
// the chart, set in rows above their lane where they would touch.
func (s *svg) lanes(t *Timeline) {
	lanes := []struct{ side, title string }{{"us", "United States"}, {"cn", "China"}, {"", "Both · White Cell"}}
	laneOf := func(side string) int {
		for i, l := range lanes {
			if l.side == side {
				return i
			}
		}
		return 2
	}
	type label struct {
		n    int
		x    float64
		lane int
		row  int
	}
	var labels []label
	rows := make([]int, len(lanes))       // label rows each lane needs
	ends := make([][]float64, len(lanes)) // where each row's last label ends
	for i, m := range t.Numbered() {
		l := label{n: i + 1, x: s.x(time.Duration(m.At.At)), lane: laneOf(m.Side)}
		w := 6.5 * float64(len(fmt.Sprint(l.n)))
		l.row = -1
		for r, end := range ends[l.lane] {
			if end < l.x-w/2-2 {
				l.row = r
				break
			}
		}
		if l.row < 0 && len(ends[l.lane]) < 3 {
			l.row = len(ends[l.lane])
			ends[l.lane] = append(ends[l.lane], 0)
		}
		if l.row < 0 { // three rows full: the least crowded
			l.row = 0
			for r, end := range ends[l.lane] {
				if end < ends[l.lane][l.row] {
					l.row = r
				}
			}
		}
		ends[l.lane][l.row] = l.x + w/2
		rows[l.lane] = max(rows[l.lane], l.row+1)
		labels = append(labels, l)
	}
	h := svgTitleH + 2
	laneY := make([]float64, len(lanes))
	for i := range lanes {
		h += float64(rows[i]) * svgLabelH
		laneY[i] = s.y + h + svgLaneH/2
		h += svgLaneH
	}
	s.section("Injects, decisions, actions", h, true)
	for i, l := range lanes {
		s.text(svgLabelW, laneY[i]+3.5, svgSmall, "end", sideColour(l.side), "", l.title)
	}
	for _, m := range t.Marks {
		if m.Kind == MarkReview {
			continue
		}
		y := laneY[laneOf(m.Side)]
		x := s.x(time.Duration(m.At.At))
		var el string
		colour := sideColour(m.Side)
		switch m.Kind {
		case MarkInject:
			el = marker("tick", x, y, colMuted)
		case MarkDecision:
			el = marker("circle", x, y, colour)
		case MarkDeadline:
			el = marker("ring", x, y, colour)
		case MarkAction:
			el = marker("diamond", x, y, colour)
		case MarkControl:
			el = marker("down", x, y, colControl)
		case MarkObservation:
			el = marker("star", x, y, colLate)
		}
		tip := m.At.Time + ": " + m.Kind + ": " + m.Text
		if m.By != "" {
			tip += " (" + m.By + ")"
		}
		s.printf("%s\n", titled(el, tip))
	}
	for _, l := range labels {
		y := laneY[l.lane] - svgLaneH/2 - float64(l.row)*svgLabelH - 2
		s.text(l.x, y, svgSmall, "middle", colInk, "700", fmt.Sprint(l.n))
	}
	s.y += h
}

// Numbered are the marks the chart numbers, in time order: the decisions,
// those left to their deadlines and the actions, which the list under
// the chart gives in words.
func (t Timeline) Numbered() []Mark {
	return sortedMarks(t.Marks, MarkDecision, MarkDeadline, MarkAction)
}

const legendRowH = 16.0

func (s *svg) legend(y float64) {
	type item struct{ shape, colour, words string }
	rows := [][]item{
		{{"circle", colOnTime, "part on time"}, {"triangle", colLate, "part late"}, {"diamond", colDeclined, "part declined"},
			{"square", colNever, "part never delivered"}, {"ring", colPending, "not yet due"}},
		{{"tick", colMuted, "inject"}, {"circle", colUS, "decision (numbered: the list below)"}, {"ring", colUS, "left to its deadline"},
			{"diamond", colUS, "action"}, {"down", colControl, "White Cell"}, {"star", colLate, "observation"}},
		{{"cross", colNever, "call unanswered, or commitment broken"}},
	}
	for i, its := range rows {
		x, yy := 10.0, y+12+legendRowH*float64(i)
		for _, it := range its {
			s.printf("%s\n", marker(it.shape, x+4, yy-3.5, it.colour))
			s.text(x+12, yy, svgText, "start", colInk, "", it.words)
			x += 30 + 5.6*float64(utf8.RuneCountInString(it.words))
		}
	}
	s.text(330, y+12+legendRowH*2, svgText, "start", colInk, "", "call answered: C commit · E explain · D deny; dashes: the commitment's time")
	s.text(10, y+12+legendRowH*3, svgText, "start", colInk, "", "ladder: grey the rung, dashed the United States' escalation, dotted China's · gold bar: a review of the dialogue · black line: the end")
}
