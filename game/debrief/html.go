package debrief

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

//go:embed assets
var assets embed.FS

// pages are the documents' HTML templates: one page layout, a body for
// each document. Text is escaped by html/template; the timeline's SVG and
// the injects' Markdown are made here and escaped where they are made.
// They are parsed on first use: a program that writes no page, such as
// the exercise in a terminal, does not wait for them as it starts.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"md":               markdownHTML,
		"timeline":         func(t Timeline, outcome string) template.HTML { return template.HTML(t.SVG(outcome)) },
		"lines":            func(s string) string { return strings.ReplaceAll(s, "\n", "; ") },
		"dict":             dict,
		"join":             strings.Join,
		"short":            sideShort,
		"other":            otherSide,
		"sideName":         func(s string) string { return strings.TrimSuffix(sideWord(s), ": ") },
		"ratingWords":      RatingWords,
		"ratingLine":       func(s SideRating) string { return "— " + ratingLine(&s) },
		"gradeClass":       func(g string) string { return strings.Fields(g)[0] },
		"tally":            partTallies,
		"inc":              func(i int) int { return i + 1 },
		"subtitle":         func() string { return ReportSubtitle },
		"rootCause":        rootCauseWords,
		"hotwashNote":      hotwashNote,
		"feedbackNote":     feedbackNote,
		"ratingCounts":     ratingCounts,
		"planNote":         func() string { return planNote },
		"planHeader":       func() []string { return planHeader },
		"planRows":         (*Report).planRows,
		"improvementsNote": func() string { return improvementsNote },
	}).ParseFS(assets, "assets/*.html"))
})

// css is the documents' stylesheet, inlined in each.
var css = sync.OnceValue(func() template.CSS {
	b, err := assets.ReadFile("assets/style.css")
	if err != nil {
		panic(err) // embedded: present at build time
	}
	return template.CSS(b)
})

// markdownHTML renders an inject's Markdown. Raw HTML in it is dropped and
// links are kept only to the web, mail and the page (see markdown): an
// inject file cannot put markup or script in the page.
func markdownHTML(src string) template.HTML {
	var b bytes.Buffer
	if err := markdown().Convert([]byte(src), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String())
}

func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}

// partTallies counts a request's parts by outcome: on time, late,
// declined, never.
func partTallies(r RequestBar) [4]int {
	var t [4]int
	for _, p := range r.Parts {
		switch p.Outcome {
		case OnTime:
			t[0]++
		case Late:
			t[1]++
		case Declined:
			t[2]++
		case Never:
			t[3]++
		}
	}
	return t
}

// chrome is what every printed page of a document carries: a running
// header with its edition and title, and a footer with its handling mark,
// its status and the page's number.
type chrome struct {
	Edition string // which document or edition: "Facilitator's edition"
	Title   string
	Mark    string // the handling mark
	Status  string // Draft or Final
}

// PageCSS sets the running header and footer of every printed page: the
// edition and title above, the status, handling mark and "Page n of N"
// below.
func (c chrome) PageCSS() template.CSS {
	return template.CSS(fmt.Sprintf(`@page {
  @top-left { content: %s; }
  @top-right { content: %s; }
  @bottom-left { content: %s; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); }
}
`, cssString(c.Edition), cssString(c.Title), cssString(c.Status+" · "+c.Mark)))
}

// cssString quotes text as a CSS string, every character that is not a
// letter, a digit or a space escaped: nothing in it can end the string.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == ' ' || (r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%x ", r)
	}
	b.WriteByte('"')
	return b.String()
}

// line is the chrome as a Markdown document's first line.
func (c chrome) line() string {
	return "**" + esc(c.Status) + "** · " + esc(c.Edition) + " · " + esc(c.Mark)
}

// page is what the layout template fills in.
type page struct {
	Body   string // which document: report, handbook, guide or compare
	Title  string
	CSS    template.CSS
	Source string
	Chrome chrome
	Doc    any
}

func writePage(w io.Writer, body, title, source string, c chrome, doc any) error {
	var b bytes.Buffer
	if err := pages().ExecuteTemplate(&b, "page", page{Body: body, Title: title, CSS: css(), Source: source, Chrome: c, Doc: doc}); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// WriteHTML writes the situation manual as one self-contained HTML page.
func (h *Handbook) WriteHTML(w io.Writer) error {
	return writePage(w, "handbook", "Situation manual: "+h.Scenario.Title+" ("+h.For+")", "the scenario "+h.Scenario.ID, h.chrome(), h)
}

// WriteHTML writes the after-action report as one self-contained HTML page.
func (r *Report) WriteHTML(w io.Writer) error {
	source := "the log of a run of " + r.Scenario.ID
	if r.Overview.Log != "" {
		source = r.Overview.Log
	}
	return writePage(w, "report", "After-action report: "+r.Scenario.Title, source, r.chrome(), r)
}
