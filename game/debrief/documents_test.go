package debrief_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
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
				hb := debrief.NewHandbook(sc, v)
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
	hb := debrief.NewHandbook(sc, game.Viewer{Side: injects.US})
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
	for _, c := range debrief.NewHandbook(sc, game.Viewer{Side: side.Other()}).Delegations {
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
			hb := debrief.NewHandbook(sc, game.Viewer{Side: side})
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
		all := debrief.NewHandbook(sc, game.Viewer{All: true})
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
