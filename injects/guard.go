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
// written. Authors use aliases to share a block or two; a scenario that
// needs more writes it out.
const aliasAllowance = 100_000

// saturated stands for "more than can matter", so that counting the nodes of
// a hostile file cannot overflow.
const saturated = 1 << 50

// aliasWork measures the nodes a walk of the document visits beyond those
// written. When they are over the allowance, it returns the alias that
// repeats the most, and the expanded count; otherwise nil. A document
// without aliases costs one walk.
func aliasWork(root *yaml.Node) (*yaml.Node, int) {
	written := 0
	var aliases []*yaml.Node
	var count func(n *yaml.Node)
	count = func(n *yaml.Node) {
		written++
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
		return nil, written
	}
	// What each alias stands for, each node measured once: a walk follows
	// aliases, so a node named by many is visited as often as it is named.
	expanded := map[*yaml.Node]int{}
	var measure func(n *yaml.Node) int
	measure = func(n *yaml.Node) int {
		if n == nil {
			return 0
		}
		if v, ok := expanded[n]; ok {
			return v
		}
		expanded[n] = 1 // a node met again on its own path counts once
		total := 1
		if n.Kind == yaml.AliasNode {
			total = measure(n.Alias)
		} else {
			for _, c := range n.Content {
				total = min(total+measure(c), saturated)
			}
		}
		expanded[n] = total
		return total
	}
	extra, worst := 0, aliases[0]
	for _, a := range aliases {
		extra = min(extra+measure(a)-1, saturated)
		if expanded[a] > expanded[worst] {
			worst = a
		}
	}
	if extra <= aliasAllowance {
		return nil, written + extra
	}
	return worst, written + extra
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
