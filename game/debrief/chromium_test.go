package debrief_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// The documents' HTML is read in a browser and printed, so it is tested
// in one: headless Chromium (Debian's chromium package) lays each page out
// at the width of a screen and at the width of A4 landscape with the print
// stylesheet, and a script added for the test only measures whether any
// element runs past the page, and whether the timeline's SVG drew inside
// its box. The page itself has no script. Set HOTLINE_SCREENSHOTS to a
// folder to keep screenshots and the printed PDF, to look at them.

// measure is the test's script: it applies the print stylesheet when
// asked, measures, and writes what it found into the page as JSON.
const measure = `<script>
(function () {
  if (PRINT) {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.media.mediaText.indexOf('print') >= 0) rule.media.mediaText = 'all';
      }
    }
  }
  const width = document.documentElement.clientWidth;
  const out = {width: width, scrollWidth: document.documentElement.scrollWidth, overflows: [], svgs: []};
  const name = function (el) {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.className && typeof el.className === 'string') s += '.' + el.className.split(' ').join('.');
    return s + ' "' + (el.textContent || '').trim().slice(0, 50) + '"';
  };
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('svg') || el.tagName === 'SCRIPT') return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if (r.right > width + 1 || r.left < -1) out.overflows.push(name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') out.overflows.push(name(el) + ' holds ' + el.scrollWidth + ' in ' + el.clientWidth);
  });
  document.querySelectorAll('svg.timeline').forEach(function (svg) {
    const r = svg.getBoundingClientRect(), box = svg.getBBox(), vb = svg.viewBox.baseVal;
    out.svgs.push({width: r.width, height: r.height, marks: svg.querySelectorAll('circle, path, rect, text').length,
      left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height, boxWidth: vb.width, boxHeight: vb.height});
  });
  const pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>`

type measured struct {
	Width       float64
	ScrollWidth float64
	Overflows   []string
	SVGs        []struct {
		Width, Height, Marks     float64
		Left, Right, Top, Bottom float64
		BoxWidth, BoxHeight      float64
	}
}

// browserRequired is set by CI (HOTLINE_BROWSER=required): there the
// browser test never skips, and a missing browser fails it.
var browserRequired = os.Getenv("HOTLINE_BROWSER") == "required"

// skipBrowser skips the browser test, saying why, except where it is
// required.
func skipBrowser(t *testing.T, why string) {
	t.Helper()
	if browserRequired {
		t.Fatalf("HOTLINE_BROWSER=required, but %s", why)
	}
	t.Skipf("SKIPPED: the report's HTML is not checked in a browser: %s (CI sets HOTLINE_BROWSER=required and never skips)", why)
}

// chromium finds the browser, or skips the test saying why.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	skipBrowser(t, "chromium is not installed (apt-get install -y chromium)")
	return ""
}

// browse runs headless Chromium on a page with the given arguments and
// returns what it printed.
func browse(t *testing.T, bin, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, errOut.Bytes())
	}
	return out.Bytes()
}

// a4Width is the width A4 landscape leaves for the page inside the print
// stylesheet's margins (297 mm less 2 × 12 mm), in CSS pixels.
const a4Width = 1032

func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		skipBrowser(t, "-short was given, and a browser takes a minute")
	}
	bin := chromium(t)
	keep := os.Getenv("HOTLINE_SCREENSHOTS")
	sc, class := classRun(t)
	classReport, err := debrief.NewReport(sc, class, debrief.Info{Log: "class.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	campaign := builtin(t, "campaign")
	longRun, err := debrief.NewReport(campaign, played(t, campaign, 1, goldenPair), debrief.Info{Log: "campaign.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	cmp := twoTables(t)
	port := own(t)
	docs := []struct {
		name     string
		render   func(io.Writer) error
		timeline bool
		edition  string // what every printed page's header says
	}{
		{"report-class", classReport.WriteHTML, true, "After-action report and improvement plan"},
		{"report-campaign", longRun.WriteHTML, true, "After-action report and improvement plan"},
		{"handbook-campaign-all", debrief.NewHandbook(campaign, game.Viewer{All: true}, debrief.Sitting{}).WriteHTML, false, "Facilitator's edition"},
		{"handbook-campaign-us", debrief.NewHandbook(campaign, game.Viewer{Side: injects.US}, debrief.Sitting{}).WriteHTML, false, "United States delegation's edition"},
		{"handbook-campaign-cn", debrief.NewHandbook(campaign, game.Viewer{Side: injects.CN}, debrief.Sitting{}).WriteHTML, false, "China delegation's edition"},
		{"handbook-port-all", debrief.NewHandbook(port, game.Viewer{All: true}, debrief.Sitting{}).WriteHTML, false, "Facilitator's edition"},
		{"handbook-port-us", debrief.NewHandbook(port, game.Viewer{Side: injects.US}, debrief.Sitting{}).WriteHTML, false, "United States delegation's edition"},
		{"handbook-port-cn", debrief.NewHandbook(port, game.Viewer{Side: injects.CN}, debrief.Sitting{Draft: true}).WriteHTML, false, "China delegation's edition"},
		{"eeg-campaign", debrief.NewEvaluationGuide(campaign, debrief.Sitting{}).WriteHTML, false, "Exercise Evaluation Guide"},
		{"compare-opm-breach", cmp.WriteHTML, false, "Runs compared"},
	}
	for _, doc := range docs {
		t.Run(doc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			page := write(t, doc.render)
			plainPage := filepath.Join(dir, doc.name+".html")
			if err := os.WriteFile(plainPage, page, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, size := range []struct {
				name   string
				width  int
				height int
				print  bool
			}{{"screen", 1280, 800, false}, {"a4", a4Width, 730, true}} {
				wrapped := bytes.Replace(page, []byte("</body>"), []byte(strings.Replace(measure, "PRINT", fmt.Sprint(size.print), 1)+"</body>"), 1)
				probe := filepath.Join(dir, doc.name+"-"+size.name+".html")
				if err := os.WriteFile(probe, wrapped, 0o644); err != nil {
					t.Fatal(err)
				}
				dom := browse(t, bin, probe, fmt.Sprintf("--window-size=%d,%d", size.width, size.height), "--dump-dom")
				m := regexp.MustCompile(`(?s)<pre id="measured">(.*?)</pre>`).FindSubmatch(dom)
				if m == nil {
					t.Fatalf("%s: the page was not measured; Chromium gave:\n%.500s", size.name, dom)
				}
				var got measured
				if err := json.Unmarshal(unescapeHTML(m[1]), &got); err != nil {
					t.Fatalf("%s: %v\n%s", size.name, err, m[1])
				}
				if got.ScrollWidth > got.Width+1 {
					t.Errorf("%s: the page is %v wide in a window %v wide", size.name, got.ScrollWidth, got.Width)
				}
				for _, o := range got.Overflows {
					t.Errorf("%s: %s", size.name, o)
				}
				if doc.timeline {
					if len(got.SVGs) != 1 {
						t.Fatalf("%s: %d timelines drawn", size.name, len(got.SVGs))
					}
					s := got.SVGs[0]
					if s.Width < 900 || s.Height < 200 || s.Marks < 50 {
						t.Errorf("%s: the timeline drew %v marks in %v × %v", size.name, s.Marks, s.Width, s.Height)
					}
					if s.Left < -0.5 || s.Top < -0.5 || s.Right > s.BoxWidth+0.5 || s.Bottom > s.BoxHeight+0.5 {
						t.Errorf("%s: the timeline draws outside its box: %v..%v × %v..%v in %v × %v", size.name, s.Left, s.Right, s.Top, s.Bottom, s.BoxWidth, s.BoxHeight)
					}
				}
				if keep != "" {
					browse(t, bin, plainPage, fmt.Sprintf("--window-size=%d,%d", size.width, 4000), "--screenshot="+filepath.Join(keep, doc.name+"-"+size.name+".png"))
				}
			}
			// Printed, it is A4 landscape: 842 × 595 points.
			pdf := filepath.Join(dir, doc.name+".pdf")
			browse(t, bin, plainPage, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
			data, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`).FindSubmatch(data)
			var w, h float64
			if box != nil {
				w, _ = strconv.ParseFloat(string(box[1]), 64)
				h, _ = strconv.ParseFloat(string(box[2]), 64)
			}
			if math.Abs(w-841.9) > 1 || math.Abs(h-595.3) > 1 {
				t.Errorf("the printed page is not A4 landscape: %v × %v points", w, h)
			}
			checkPrinted(t, pdf, page, doc.edition, strings.HasPrefix(doc.name, "handbook-") && !strings.HasSuffix(doc.name, "-all"))
			if strings.HasPrefix(doc.name, "report-") {
				// The executive summary is the first page, whole: a sponsor
				// reads that page.
				pages := readPrinted(t, pdf)
				if len(pages) < 2 || len(pages[1].lines) == 0 || pages[1].lines[0] != "1. Overview" {
					t.Errorf("the executive summary is not one page: the second page starts %q", pages[1].lines)
				}
			}
			if keep != "" {
				os.WriteFile(filepath.Join(keep, doc.name+".pdf"), data, 0o644)
			}
		})
	}
}

// unescapeHTML undoes what a dumped DOM escapes in a pre's text.
func unescapeHTML(b []byte) []byte {
	return []byte(strings.NewReplacer("&quot;", `"`, "&lt;", "<", "&gt;", ">", "&#39;", "'", "&amp;", "&").Replace(string(b)))
}

// printedPage is a page of a printed PDF as pdftotext reads it: its
// running header and footer, and its lines of text between them from top
// to bottom, with how far down the page they reach.
type printedPage struct {
	header, footer string
	lines          []string
	fill           float64 // how much of the page's body the text reaches, 0 to 1
}

// A4 landscape is 595 points high; the print stylesheet's margins are
// 15 mm (42.5 points) above and below, where the header and footer are.
const pageHeight, pageMargin = 595.0, 42.5

// readPrinted reads the pages of a PDF with pdftotext (poppler-utils).
func readPrinted(t *testing.T, pdf string) []printedPage {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		skipBrowser(t, "pdftotext is not installed (apt-get install -y poppler-utils), so the printed pages are not read")
	}
	out, err := exec.Command(bin, "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	var pages []printedPage
	for _, chunk := range strings.Split(string(out), "<page ")[1:] {
		type w struct {
			x, y, bottom float64
			text         string
		}
		var words []w
		for _, m := range word.FindAllStringSubmatch(chunk, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			b, _ := strconv.ParseFloat(m[3], 64)
			words = append(words, w{x, y, b, html.UnescapeString(m[4])})
		}
		slices.SortFunc(words, func(a, b w) int {
			if math.Abs(a.y-b.y) > 2 {
				return cmp.Compare(a.y, b.y)
			}
			return cmp.Compare(a.x, b.x)
		})
		var p printedPage
		var line []string
		lineY, bottom := -100.0, pageMargin
		flush := func() {
			if len(line) > 0 {
				p.lines = append(p.lines, strings.Join(line, " "))
			}
			line = nil
		}
		for _, wd := range words {
			switch {
			case wd.bottom <= pageMargin+1:
				p.header += wd.text + " "
			case wd.y >= pageHeight-pageMargin-1:
				p.footer += wd.text + " "
			default:
				if math.Abs(wd.y-lineY) > 2 {
					flush()
					lineY = wd.y
				}
				line = append(line, wd.text)
				bottom = max(bottom, wd.bottom)
			}
		}
		flush()
		p.fill = (bottom - pageMargin) / (pageHeight - 2*pageMargin)
		pages = append(pages, p)
	}
	return pages
}

// checkPrinted reads a document's printed pages: each has the running
// header with its edition and a footer with its status and "Page n of N";
// no page ends on a heading or a caption; no page but the last and those
// before a new part is left half empty; and a delegation's handbook does
// not end on a near-empty page.
func checkPrinted(t *testing.T, pdf string, page []byte, edition string, delegation bool) {
	t.Helper()
	pages := readPrinted(t, pdf)
	if len(pages) == 0 {
		t.Fatal("pdftotext read no page")
	}
	tag := regexp.MustCompile(`<[^>]+>`)
	text := func(s string) string {
		return strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(s, " "))), " ")
	}
	var headings, parts []string
	for _, m := range regexp.MustCompile(`(?s)<(h[1-4]|figcaption)\b([^>]*)>(.*?)</(?:h[1-4]|figcaption)>`).FindAllStringSubmatch(string(page), -1) {
		headings = append(headings, text(m[3]))
		if strings.Contains(m[2], `class="page"`) {
			parts = append(parts, text(m[3]))
		}
	}
	startsPart := func(p printedPage) bool {
		for _, part := range parts {
			if len(p.lines) > 0 && strings.HasPrefix(part, p.lines[0]) {
				return true
			}
		}
		return false
	}
	for i, p := range pages {
		n := i + 1
		if !strings.Contains(p.header, edition) {
			t.Errorf("page %d of %d: the header %q does not say %q", n, len(pages), p.header, edition)
		}
		if want := fmt.Sprintf("Page %d of %d", n, len(pages)); !strings.Contains(p.footer, want) || !regexp.MustCompile(`^(Draft|Final) · `).MatchString(p.footer) {
			t.Errorf("page %d: the footer %q does not give the status and %q", n, p.footer, want)
		}
		if len(p.lines) == 0 {
			t.Errorf("page %d of %d is empty", n, len(pages))
			continue
		}
		last := strings.Join(strings.Fields(p.lines[len(p.lines)-1]), " ")
		for _, h := range headings {
			// The heading, or the first line of one that wraps.
			if last == h || (len(last) >= 12 && strings.Contains(last, " ") && strings.HasPrefix(h, last)) {
				t.Errorf("page %d ends on the heading %q", n, h)
			}
		}
		if n < len(pages) && p.fill < 0.6 && !startsPart(pages[i+1]) {
			t.Errorf("page %d is only %.0f%% full, and the next does not start a new part (it starts %q)", n, 100*p.fill, pages[i+1].lines[0])
		}
	}
	if last := pages[len(pages)-1]; delegation && last.fill < 0.3 {
		t.Errorf("the last page is only %.0f%% full: %q", 100*last.fill, last.lines)
	}
}
