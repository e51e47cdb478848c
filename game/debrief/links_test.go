package debrief_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// hostileLinks are links a scenario's author may write to run script when
// a reader clicks: each spelling a browser would still run, and kin.
var hostileLinks = []string{
	"[a](&#106;avascript:alert(1))",
	"[b](&#x6A;avascript:alert(1))",
	"[c](&#0000106avascript:alert(1))",
	"[d](javascript&colon;alert(1))",
	"[e](javascript&#58;alert(1))",
	"[f](&amp;#106;avascript:alert(1))",
	"<javascript:alert(1)>",
	"<JaVaScRiPt:alert(1)>",
	"[g](JAVASCRIPT:alert(1))",
	"[h](<java\nscript:alert(1)>)",
	"[i](%20javascript:alert(1))",
	"[j](vbscript:msgbox(1))",
	"[k](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	"[l](file:///etc/passwd)",
	"![m](javascript:alert(1))",
	"[n][ref]\n\n[ref]: javascript:alert(1)",
	"[o](relative/page.html)",
	`<a href="javascript:alert(1)">p</a>`,
}

// Links a document keeps: the web, mail, and its own anchors.
var keptLinks = map[string]string{
	"[site](https://example.org/a?b=c)": "https://example.org/a?b=c",
	"<http://example.org>":              "http://example.org",
	"[mail](mailto:desk@example.org)":   "mailto:desk@example.org",
	"[top](#top)":                       "#top",
}

var urlAttr = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*"([^"]*)"`)

// No link in any HTML document runs script, however the scenario spells
// it: every href and src is to http, https or mailto, or an anchor. The
// link's words stay, as text.
func TestDocumentsKeepOnlyWebMailAndAnchorLinks(t *testing.T) {
	body := strings.Join(hostileLinks, "\n\n")
	for md := range keptLinks {
		body += "\n\n" + md
	}
	sc := linksScenario(t, body)
	var b bytes.Buffer
	if err := debrief.NewHandbook(sc, game.Viewer{All: true}, debrief.Sitting{}).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	{
		page := b.String()
		found := map[string]bool{}
		for _, m := range urlAttr.FindAllStringSubmatch(page, -1) {
			url := html.UnescapeString(html.UnescapeString(m[1]))
			found[url] = true
			lower := strings.ToLower(strings.TrimSpace(url))
			if !(strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "#")) {
				t.Errorf("the document keeps a link to %q", m[1])
			}
		}
		for md, want := range keptLinks {
			if !found[want] {
				t.Errorf("%s: the link to %s is gone", md, want)
			}
		}
		for _, words := range []string{">a<", "b", "javascript:alert(1)"} {
			if !strings.Contains(page, words) {
				t.Errorf("the words %q of an unsafe link are gone", words)
			}
		}
	}
}

func linksScenario(t *testing.T, body string) *injects.Scenario {
	t.Helper()
	src := "format: 1\nscenario: {id: links, title: Links, start: 2015-10-05 09:00, end: T+3d}\ninclude: [common.yaml]\n" +
		"personas:\n  p: {name: P, affiliation: company}\ninjects:\n  a:\n    at: T+1h\n    to: us\n    from: p\n    channel: email\n    title: T\n    body: |\n"
	for _, line := range strings.Split(body, "\n") {
		src += "      " + line + "\n"
	}
	sc, diags := injects.Parse("links.yaml", []byte(src))
	if sc == nil {
		t.Fatal(diags)
	}
	return sc
}
