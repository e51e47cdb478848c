package debrief_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hotline/game"
	"hotline/game/debrief"
	"hotline/injects"
)

// The Markdown documents' charts are Mermaid: they are checked with
// Mermaid's own parser, under node, when it is installed. HOTLINE_MERMAID
// names a folder where `npm install mermaid jsdom` was run (CI installs
// them there); without it, the test skips and says how to run it.
const mermaidParse = `import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
const req = createRequire(process.env.HOTLINE_MERMAID + '/node_modules/');
const { JSDOM } = req('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(req.resolve('mermaid')).href);
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    failed++;
    console.log(file + ': ' + String(e.message || e).split('\n').slice(0, 3).join(' '));
  }
}
process.exit(failed ? 1 : 0);
`

func TestMarkdownChartsParseInMermaid(t *testing.T) {
	dir := os.Getenv("HOTLINE_MERMAID")
	node, err := exec.LookPath("node")
	switch {
	case dir == "":
		t.Skip("SKIPPED: the Markdown documents' Mermaid charts are not parsed: HOTLINE_MERMAID is not set (npm install --prefix /tmp/mermaid mermaid jsdom, then HOTLINE_MERMAID=/tmp/mermaid; CI sets it and never skips)")
	case err != nil:
		t.Fatalf("HOTLINE_MERMAID is set, but node is not installed: %v", err)
	}
	docs := map[string][]byte{}
	for _, sc := range scenarios(t) {
		rep, err := debrief.NewReport(sc, played(t, sc, 1, goldenPair), debrief.Info{})
		if err != nil {
			t.Fatal(err)
		}
		docs["report-"+sc.ID] = write(t, rep.WriteMarkdown)
		docs["handbook-"+sc.ID] = write(t, debrief.NewHandbook(sc, game.Viewer{All: true}, debrief.Sitting{}).WriteMarkdown)
	}
	sc, class := classRun(t)
	rep, err := debrief.NewReport(sc, class, debrief.Info{})
	if err != nil {
		t.Fatal(err)
	}
	docs["report-port-class"] = write(t, rep.WriteMarkdown)
	// Ids that are Mermaid's own words, where a chart's line starts with
	// them.
	src, err := os.ReadFile(filepath.Join("testdata", "port.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tricky, diags := injects.Parse("tricky.yaml", []byte(strings.NewReplacer("terminals-down", "call", "manifests-leaked", "click").Replace(string(src))))
	if tricky == nil {
		t.Fatalf("the tricky file does not load:\n%v", diags)
	}
	docs["handbook-tricky"] = write(t, debrief.NewHandbook(tricky, game.Viewer{All: true}, debrief.Sitting{}).WriteMarkdown)

	work := t.TempDir()
	script := filepath.Join(work, "parse.mjs")
	if err := os.WriteFile(script, []byte(mermaidParse), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{script}
	chart := regexp.MustCompile("(?s)```mermaid\n(.*?)```")
	for name, doc := range docs {
		for i, m := range chart.FindAllSubmatch(doc, -1) {
			file := filepath.Join(work, fmt.Sprintf("%s-%d.mmd", name, i+1))
			if err := os.WriteFile(file, m[1], 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, file)
		}
	}
	if len(args) < len(docs) {
		t.Fatalf("only %d charts in %d documents", len(args)-1, len(docs))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Env = append(os.Environ(), "HOTLINE_MERMAID="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("Mermaid does not parse every chart (%v):\n%s", err, out)
	}
}
