package injects

import (
	"fmt"

	"go.yaml.in/yaml/v4"
)

// A YAML file is small to write and may be vast to read: an alias repeats
// the node it names, and aliases of aliases repeat it again, so that a few
// kilobytes can stand for billions of nodes ("billion laughs"). The loader
// walks what the aliases expand to, so the work of loading is measured by
// the expanded document before anything is walked.

// aliasAllowance is how many nodes a file's aliases may add to what is
// written, and aliasTextAllowance how many bytes of text. Authors use
// aliases to share a block or two; a scenario that needs more writes it
// out. Nodes alone would let one large string, repeated, pass: a 1 MB body
// aliased 1,000 times is three nodes' worth of aliases and a gigabyte of
// handbook.
const (
	aliasAllowance     = 100_000
	aliasTextAllowance = 1 << 20
)

// saturated stands for "more than can matter", so that counting the nodes of
// a hostile file cannot overflow.
const saturated = 1 << 50

// expansion is what a node stands for once its aliases are followed.
type expansion struct{ nodes, bytes int }

func (e expansion) add(o expansion) expansion {
	return expansion{min(e.nodes+o.nodes, saturated), min(e.bytes+o.bytes, saturated)}
}

// over reports whether what aliases add is beyond either allowance.
func (e expansion) over() bool { return e.nodes > aliasAllowance || e.bytes > aliasTextAllowance }

// aliasWork measures what a walk of the document visits beyond what is
// written: nodes, and the bytes of their text. When that is over an
// allowance, it returns the alias that repeats the most, and what aliases
// add; otherwise nil. A document without aliases costs one walk.
func aliasWork(root *yaml.Node) (*yaml.Node, expansion) {
	var aliases []*yaml.Node
	var count func(n *yaml.Node)
	count = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
			return
		}
		for _, c := range n.Content {
			count(c)
		}
	}
	count(root)
	if len(aliases) == 0 {
		return nil, expansion{}
	}
	// What each alias stands for, each node measured once: a walk follows
	// aliases, so a node named by many is visited as often as it is named.
	expanded := map[*yaml.Node]expansion{}
	var measure func(n *yaml.Node) expansion
	measure = func(n *yaml.Node) expansion {
		if n == nil {
			return expansion{}
		}
		if v, ok := expanded[n]; ok {
			return v
		}
		own := expansion{1, len(n.Value)}
		expanded[n] = own // a node met again on its own path counts once
		total := own
		if n.Kind == yaml.AliasNode {
			total = measure(n.Alias)
		} else {
			for _, c := range n.Content {
				total = total.add(measure(c))
			}
		}
		expanded[n] = total
		return total
	}
	var extra expansion
	worst := aliases[0]
	for _, a := range aliases {
		e := measure(a)
		extra = extra.add(expansion{e.nodes - 1, e.bytes})
		if e.bytes > expanded[worst].bytes || e.nodes > expanded[worst].nodes {
			worst = a
		}
	}
	if !extra.over() {
		return nil, extra
	}
	return worst, extra
}

// expandedWords says how much larger the expanded document is, in round
// words.
func expandedWords(n int) string {
	switch {
	case n >= saturated:
		return "more than a quadrillion"
	case n >= 1e9:
		return fmt.Sprintf("%d billion", n/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%d million", n/1e6)
	}
	return fmt.Sprintf("%d", n)
}

// clean makes every scalar of the document plain text (see CleanText),
// once, before anything reads it: names, titles and bodies alike. Without
// following aliases, the document is a tree: each node is met once.
func clean(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		n.Value = CleanText(n.Value)
	}
	for _, c := range n.Content {
		clean(c)
	}
}
