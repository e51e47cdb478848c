package debrief_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// viewers are the handbook's editions: each delegation's, and the
// facilitator's.
var viewers = []game.Viewer{{Side: injects.US}, {Side: injects.CN}, {All: true}}

func edition(v game.Viewer) string {
	if v.All {
		return "all"
	}
	return v.Side.String()
}

// write renders a document into bytes.
func write(t *testing.T, render func(io.Writer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := render(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// selfContained checks that an HTML document needs nothing else: no
// script, nothing fetched, no link out of the page but the SVG namespace.
func selfContained(t *testing.T, page []byte) {
	t.Helper()
	s := string(page)
	for _, bad := range []string{"<script", "<link", "<iframe", "<img", "<object", "src=", "@import", "url("} {
		if strings.Contains(s, bad) {
			t.Errorf("the page holds %q: it must need nothing else", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?i)(https?:|//)[^"'\s<]*`).FindAllString(s, -1) {
		if m != "http://www.w3.org/2000/svg" && !strings.HasPrefix(m, "//") {
			t.Errorf("the page links out: %s", m)
		}
	}
	if !strings.HasPrefix(s, "<!DOCTYPE html>") || !strings.Contains(s, "@media print") || !strings.Contains(s, "size: A4 landscape") {
		t.Error("the page lacks its doctype or its print stylesheet")
	}
}

func TestHandbooks(t *testing.T) {
	for _, sc := range scenarios(t) {
		for _, v := range viewers {
			name := fmt.Sprintf("handbook-%s-%s", sc.ID, edition(v))
			t.Run(name, func(t *testing.T) {
				hb := debrief.NewHandbook(sc, v, debrief.Sitting{})
				golden(t, name+".md", write(t, func(b io.Writer) error { return hb.WriteMarkdown(b) }))
				page := write(t, func(b io.Writer) error { return hb.WriteHTML(b) })
				selfContained(t, page)
				// HTML goldens for the tests' own scenario and one
				// built-in: the others differ from these in words only,
				// which their Markdown goldens hold.
				if sc.ID == "port" || sc.ID == "opm-breach" {
					golden(t, name+".html", page)
				}
			})
		}
	}
}

// plain is a document's text as a reader sees it: tags and escapes gone,
// runs of space made one.
func plain(doc []byte, isHTML bool) string {
	s := string(doc)
	if isHTML {
		s = regexp.MustCompile(`</?(strong|em|code|a|span|small)\b[^>]*>`).ReplaceAllString(s, "")
		s = regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]+>`).ReplaceAllString(s, " ")
		s = html.UnescapeString(s)
	} else {
		s = regexp.MustCompile(`\\([[:punct:]])`).ReplaceAllString(s, "$1")
		s = strings.ReplaceAll(s, "*", "")
	}
	return strings.Join(strings.Fields(s), " ")
}

// script is the text of a scenario that only the control cell may read
// before play: every inject's title, body, notes and choices, every
// request's subject and body, every ending, and the actions a side is
// offered only as play goes on. Short phrases are left out: they are
// words any text may use.
func script(sc *injects.Scenario) []string {
	public := publicText(sc)
	var out []string
	add := func(texts ...string) {
		for _, t := range texts {
			for _, line := range strings.Split(t, "\n") {
				line = strings.Trim(strings.TrimSpace(line), "-*#>0123456789. ")
				line = strings.Join(strings.Fields(strings.ReplaceAll(line, "*", "")), " ")
				if len(line) >= 16 && !strings.Contains(public, line) {
					out = append(out, line)
				}
			}
		}
	}
	for _, in := range sc.Injects {
		add(in.Title, in.Body, in.Notes)
		for _, ch := range in.Choices {
			add(ch.Label)
		}
	}
	for _, r := range sc.Requests {
		add(r.Subject, r.Body)
	}
	for _, e := range sc.Endings {
		add(e.Title, e.Text)
	}
	add(sc.FacilitatorSummary)
	for _, a := range sc.Actions {
		if a.If != nil {
			add(a.Label, a.Text)
		}
	}
	return out
}

// publicText is what a scenario makes public, and the words of the fact
// sheet: a line of the script that also stands there is no secret.
func publicText(sc *injects.Scenario) string {
	var b strings.Builder
	b.WriteString(sc.Summary)
	for _, o := range sc.Objectives {
		b.WriteString(" " + o.Text)
	}
	for _, g := range sc.Grounds {
		b.WriteString(" " + g.Title + " " + g.Text)
	}
	for _, r := range sc.Hotline.Rungs {
		b.WriteString(" " + r.Title + " " + r.Text)
	}
	hb := debrief.NewHandbook(sc, game.Viewer{Side: injects.US}, debrief.Sitting{})
	b.WriteString(" " + strings.Join(hb.Purpose, " "))
	for _, c := range hb.Mechanism.Commitments {
		b.WriteString(" " + c.Name + " " + c.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// theirs is what of the other delegation's a delegation must not read:
// its actions, its interests, what its teams do. What any team may do is
// the same for both, and not secret.
func theirs(sc *injects.Scenario, side injects.Side) []string {
	var out []string
	for _, a := range sc.Actions {
		if a.Side != side {
			out = append(out, a.Label)
			if a.Text != "" {
				out = append(out, strings.Join(strings.Fields(a.Text), " "))
			}
		}
	}
	for _, c := range debrief.NewHandbook(sc, game.Viewer{Side: side.Other()}, debrief.Sitting{}).Delegations {
		if c.Own {
			out = append(out, c.Interests...)
			for _, t := range c.Teams {
				if t.Who != "" {
					out = append(out, t.Who)
				}
			}
		}
	}
	return out
}

// A delegation's handbook holds none of the script, none of the
// controller's notes, and nothing of the other delegation's; the
// facilitator's holds the whole script.
func TestHandbookHoldsNothingOfTheOtherSide(t *testing.T) {
	for _, sc := range scenarios(t) {
		for _, side := range []injects.Side{injects.US, injects.CN} {
			hb := debrief.NewHandbook(sc, game.Viewer{Side: side}, debrief.Sitting{})
			for _, isHTML := range []bool{false, true} {
				doc := write(t, func(b io.Writer) error {
					if isHTML {
						return hb.WriteHTML(b)
					}
					return hb.WriteMarkdown(b)
				})
				text := plain(doc, isHTML)
				for _, secret := range append(script(sc), theirs(sc, side)...) {
					if strings.Contains(text, secret) {
						t.Errorf("%s's handbook of %s (HTML %v) holds %q", side.Title(), sc.ID, isHTML, secret)
					}
				}
				for _, word := range []string{"Controller notes", "controller notes", "MSEL", "Master Scenario Events List"} {
					if strings.Contains(text, word) {
						t.Errorf("%s's handbook of %s (HTML %v) speaks of the %s", side.Title(), sc.ID, isHTML, word)
					}
				}
			}
		}
		// The facilitator's edition holds it all: the test above is not
		// passing for want of text.
		all := debrief.NewHandbook(sc, game.Viewer{All: true}, debrief.Sitting{})
		for _, isHTML := range []bool{false, true} {
			doc := write(t, func(b io.Writer) error {
				if isHTML {
					return all.WriteHTML(b)
				}
				return all.WriteMarkdown(b)
			})
			text := plain(doc, isHTML)
			for _, secret := range append(script(sc), append(theirs(sc, injects.US), theirs(sc, injects.CN)...)...) {
				if !strings.Contains(text, secret) {
					t.Errorf("the facilitator's handbook of %s (HTML %v) lacks %q", sc.ID, isHTML, secret)
				}
			}
		}
	}
}

// A facilitator's own scenario gets its own role cards: what its file
// says, or plain words, never the 2015 campaign's interests or a
// placeholder.
func TestRoleCardsAreTheScenarios(t *testing.T) {
	campaign := debrief.NewHandbook(builtin(t, "campaign"), game.Viewer{All: true}, debrief.Sitting{})
	for _, side := range []injects.Side{injects.US, injects.CN} {
		hb := debrief.NewHandbook(own(t), game.Viewer{Side: side}, debrief.Sitting{})
		text := plain(write(t, hb.WriteHTML), true)
		for _, c := range campaign.Delegations {
			for _, interest := range c.Interests {
				if strings.Contains(text, interest) {
					t.Errorf("%s's handbook of port holds the campaign's interest %q", side.Title(), interest)
				}
			}
			for _, team := range c.Teams {
				if strings.Contains(text, team.Who) {
					t.Errorf("%s's handbook of port holds the campaign's role card %q", side.Title(), team.Who)
				}
			}
		}
		for _, want := range []string{"The scenario does not set out this delegation's interests", "The scenario gives it no role of its own"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s's handbook of port lacks %q", side.Title(), want)
			}
		}
		if strings.Contains(text, "the facilitator says more of its part") || strings.Contains(text, "Lead: .") {
			t.Errorf("%s's handbook of port holds a placeholder", side.Title())
		}
	}
	// The built-in scenarios' cards are their file's.
	us := campaign.Delegations[0]
	if len(us.Interests) != 5 || !strings.HasPrefix(us.Teams[0].Who, "Investigates cybercrime") {
		t.Errorf("the campaign's US card: %+v", us)
	}
}

// Text from an inject file, and from people at the table, is text in the
// HTML: markup in it is shown or dropped, never obeyed.
func TestHTMLEscapesWhatItIsGiven(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "port.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.NewReplacer(
		"title: Ransomware at the port of Tianjin", `title: "Ransomware <script>alert(1)</script> at the port"`,
		"The ransom note points to", `<img src=x onerror=alert(2)> The ransom note points to`,
		"subject: Extortion servers hosted in Ohio behind the port ransomware", "subject: \"```</text><script>alert(3)</script>\"",
	).Replace(string(src))
	sc, diags := injects.Parse("hostile.yaml", []byte(hostile))
	if sc == nil {
		t.Fatalf("the hostile file does not load:\n%v", diags)
	}
	var log []game.Event
	if _, err := game.Play(sc, 1, goldenPair, func(_ *game.State, ev *game.Event) { log = append(log, *ev) }); err != nil {
		t.Fatal(err)
	}
	rep, err := debrief.NewReport(sc, again(t, sc, log), debrief.Info{Log: `<b>log</b>.jsonl`})
	if err != nil {
		t.Fatal(err)
	}
	hb := debrief.NewHandbook(sc, game.Viewer{All: true}, debrief.Sitting{})
	for name, doc := range map[string][]byte{"report": write(t, rep.WriteMarkdown), "handbook": write(t, hb.WriteMarkdown)} {
		// What a code block holds is shown as it is; outside them, no
		// markup from the file.
		outside := outsideCode(doc)
		if bad := regexp.MustCompile(`(^|[^\\])<(script|img|b)\b`).Find(outside); bad != nil {
			t.Errorf("the %s's Markdown holds %q from the file", name, bad)
		}
	}
	pages := map[string][]byte{
		"report":   write(t, rep.WriteHTML),
		"handbook": write(t, hb.WriteHTML),
	}
	for name, page := range pages {
		selfContained(t, page)
		for _, bad := range []string{"<script", "<img", "<b>", "</text><"} {
			if strings.Contains(string(page), bad) {
				t.Errorf("the %s holds %q from the file", name, bad)
			}
		}
		if !strings.Contains(string(page), "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("the %s does not show the title as written", name)
		}
		// The title in every page's running header is a CSS string that
		// nothing in it can end.
		if n := strings.Count(string(page), "</style>"); n != 2 {
			t.Errorf("the %s has %d style elements' ends, not 2", name, n)
		}
	}
}

// outsideCode is a Markdown document without its fenced code blocks.
func outsideCode(doc []byte) []byte {
	var out []byte
	fence := ""
	for _, line := range bytes.SplitAfter(doc, []byte("\n")) {
		trimmed := strings.TrimRight(string(line), "\n")
		ticks := strings.TrimLeft(trimmed, "`")
		run := len(trimmed) - len(ticks)
		switch {
		case fence == "" && run >= 3:
			fence = trimmed[:run]
		case fence != "" && ticks == "" && run >= len(fence):
			fence = ""
		case fence == "":
			out = append(out, line...)
		}
	}
	return out
}
