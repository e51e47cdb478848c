package debrief

import (
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown renders the Markdown of scenario text into the documents. Raw
// HTML in it is dropped (goldmark's default), and links are kept only to
// the places a document may send its reader (safeURL): an inject file
// cannot put script in a page, however it spells the link. It is made on
// first use, as the pages' templates are.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(goldmark.WithParserOptions(
		parser.WithASTTransformers(util.Prioritized(linkFilter{}, 0)),
	))
})

// linkFilter unlinks what points anywhere but the web, mail or the page
// itself: the link's text stays, as text.
type linkFilter struct{}

func (linkFilter) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var unsafe []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !safeURL(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			if !safeURL(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			if !safeURL(string(n.URL(source))) {
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		parent := n.Parent()
		if a, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(a.Label(source)))
			continue
		}
		for c := n.FirstChild(); c != nil; c = n.FirstChild() {
			parent.InsertBefore(parent, n, c)
		}
		parent.RemoveChild(parent, n)
	}
}

// safeURL reports whether a link may stay in a document: http, https and
// mailto, or an anchor in the page. It reads the link as a browser would:
// character references decoded (&#106;avascript:, javascript&colon;),
// tabs and line breaks inside dropped, spaces and controls around it
// trimmed, the scheme in any case.
func safeURL(dest string) bool {
	for range 4 { // &amp;#106; is decoded twice over; more is refused below
		decoded := html.UnescapeString(dest)
		if decoded == dest {
			break
		}
		dest = decoded
	}
	if strings.Contains(dest, "&") && html.UnescapeString(dest) != dest {
		return false
	}
	dest = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, dest)
	dest = strings.TrimFunc(dest, func(r rune) bool { return r <= ' ' })
	if strings.HasPrefix(dest, "#") {
		return true
	}
	scheme, _, ok := strings.Cut(dest, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return false // a path in no web site: documents stand alone
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return true
	}
	return false
}
