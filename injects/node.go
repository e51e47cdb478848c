package injects

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// decoder turns YAML nodes into values, recording a diagnostic for every
// problem instead of stopping at the first. Each method returns a usable
// zero value when the node is wrong, so decoding carries on.
type decoder struct {
	file string
	r    *reporter
}

// reporter collects the findings of one load.
type reporter struct {
	diags Diagnostics
	// Past MaxFindings, findings are counted, not kept.
	over, overErrors int
	top              string // the file loaded, for the last word on what was left out
}

// MaxFindings is how many findings a load lists: past a few hundred, a
// file wants fixing before reading on, and a hostile file with a finding a
// line must not print megabytes.
const MaxFindings = 200

// maxQuoted is how much of a value a message quotes: enough for any id or
// title worth the name, and never a whole file.
const maxQuoted = 200

// full reports whether the findings listed have reached MaxFindings: any
// more are only counted.
func (r *reporter) full() bool { return len(r.diags) >= MaxFindings }

func (r *reporter) at(sev Severity, p Pos, code Code, format string, args ...any) {
	if r.full() {
		r.over++
		if sev == Error {
			r.overErrors++
		}
		return
	}
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = shorten(CleanLine(s))
		}
	}
	r.diags = append(r.diags, Diagnostic{File: p.File, Line: p.Line, Col: p.Col,
		Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
}

// shorten cuts a long value to what a message quotes.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	return string([]rune(s)[:maxQuoted]) + "…"
}

// done returns the findings in file order, with a last one saying how many
// more there were, if some were left out.
func (r *reporter) done() Diagnostics {
	r.diags.sort()
	if r.over == 0 {
		return r.diags
	}
	sev := Warning
	if r.overErrors > 0 {
		sev = Error
	}
	last := Pos{File: r.top, Line: 1, Col: 1}
	if n := len(r.diags); n > 0 {
		last = Pos{File: r.diags[n-1].File, Line: r.diags[n-1].Line, Col: r.diags[n-1].Col}
	}
	return append(r.diags, Diagnostic{File: last.File, Line: last.Line, Col: last.Col, Severity: sev, Code: CodeTooMany,
		Message:  fmt.Sprintf("%d more findings are not listed (%d of them errors); fix these first", r.over, r.overErrors),
		Unlisted: r.over, UnlistedErrors: r.overErrors})
}

func (d *decoder) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: d.file, Line: 1, Col: 1}
	}
	return Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, code Code, format string, args ...any) {
	d.r.at(Error, d.pos(n), code, format, args...)
}

// maxAliasHops bounds alias chains, so that a self-referring alias cannot
// make decoding loop.
const maxAliasHops = 16

// deref follows aliases to the node they name.
func (d *decoder) deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == maxAliasHops || n.Alias == nil {
			d.errorf(n, CodeType, "alias *%s cannot be followed", n.Value)
			return nil
		}
		n = n.Alias
	}
	return n
}

// describe names what a node holds, in a facilitator's words.
func describe(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a block of key: value pairs"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		v := n.Value
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return strconv.Quote(v)
	}
	return "something else"
}

// notAsWritten explains a scalar that looks like what was expected but is
// not read as it: a tag or quotes make it something else.
func notAsWritten(n *yaml.Node) string {
	switch {
	case n.Style&yaml.TaggedStyle != 0:
		return fmt.Sprintf(" with the tag %s, which makes it %s; remove the tag", n.Tag, tagWords(n.Tag))
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return " in quotes, which make it text; remove the quotes"
	}
	return ""
}

// tagWords names what a YAML tag makes a value.
func tagWords(tag string) string {
	switch tag {
	case "!!float":
		return "a number with a fraction"
	case "!!str":
		return "text"
	case "!!bool":
		return "true or false"
	case "!!int":
		return "a whole number"
	}
	return "something else"
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// field is one key: value pair of a mapping.
type field struct {
	key     string
	keyNode *yaml.Node
	value   *yaml.Node
}

// entries returns the pairs of a mapping, reporting keys given twice. A null
// node is an empty mapping.
func (d *decoder) entries(n *yaml.Node, what string) []field {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, CodeType, "%s: expected a block of key: value pairs, found %s", what, describe(n))
		return nil
	}
	fields := make([]field, 0, len(n.Content)/2)
	// Most mappings are a few fields, searched faster than hashed; the
	// collections of a large file get a map.
	var seen map[string]*yaml.Node
	if len(n.Content) > 32 {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.deref(n.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			d.errorf(n.Content[i], CodeType, "%s: keys must be plain names, found %s", what, describe(k))
			continue
		}
		if k.Value == "<<" {
			d.errorf(k, CodeUnknownKey, "%s: merge keys (<<) are not supported; write the fields out", what)
			continue
		}
		first, dup := seen[k.Value]
		if seen == nil {
			for _, f := range fields {
				if f.key == k.Value {
					first, dup = f.keyNode, true
					break
				}
			}
		}
		if dup {
			d.errorf(k, CodeDuplicate, "%s: %q is given twice (first at line %d)", what, k.Value, first.Line)
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		fields = append(fields, field{key: k.Value, keyNode: k, value: n.Content[i+1]})
	}
	return fields
}

// object is a mapping with a fixed set of keys.
type object struct {
	node    *yaml.Node
	fields  []field  // the known keys given, each once
	unknown []string // the keys given that the block does not have
}

func (o object) get(key string) *yaml.Node {
	for _, f := range o.fields {
		if f.key == key {
			return f.value
		}
	}
	return nil
}

func (o object) has(key string) bool {
	for _, f := range o.fields {
		if f.key == key {
			return true
		}
	}
	return false
}

// object reads a mapping whose keys must be among known, reporting the
// others with a did-you-mean.
func (d *decoder) object(n *yaml.Node, what string, keys ...string) object {
	o := object{node: d.deref(n), fields: d.entries(n, what)}
	known := o.fields[:0]
	for _, f := range o.fields {
		if !contains(keys, f.key) {
			d.errorf(f.keyNode, CodeUnknownKey, "%s: unknown key %q%s", what, f.key, suggestOr(f.key, keys))
			o.unknown = append(o.unknown, f.key)
			continue
		}
		known = append(known, f)
	}
	o.fields = known
	return o
}

// suggestOr suggests a close name or lists the allowed ones when few.
func suggestOr(got string, known []string) string {
	if s := suggest(got, known); s != "" {
		return s
	}
	if len(known) <= 12 {
		return "; expected one of: " + strings.Join(known, ", ")
	}
	return ""
}

// require reports each key of keys that o lacks. A key misspelled is one
// mistake, not two: when an unknown key of the block is a near miss of a
// missing one, the unknown key's finding (with its did-you-mean) says it.
func (d *decoder) require(o object, what string, keys ...string) {
	// An empty block (a key with nothing under it) lacks every key; a
	// value of another kind has had its finding.
	if o.node == nil || (o.node.Kind != yaml.MappingNode && !isNull(o.node)) {
		return
	}
	for _, k := range keys {
		if !o.has(k) && !slices.ContainsFunc(o.unknown, func(u string) bool { return suggest(u, []string{k}) != "" }) {
			d.errorf(o.node, CodeMissing, "%s: missing %q", what, k)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalar returns the node when it is a scalar, reporting it otherwise.
func (d *decoder) scalar(n *yaml.Node, what, expected string) *yaml.Node {
	n = d.deref(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, CodeType, "%s: expected %s, found %s", what, expected, describe(n))
		return nil
	}
	return n
}

func (d *decoder) text(n *yaml.Node, what string) string {
	if n = d.scalar(n, what, "text"); n == nil || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// nonEmpty reads text a field must have: a title, a label, a subject, a
// name. Written with nothing after the key, or only spaces, it would play
// as a blank line.
func (d *decoder) nonEmpty(n *yaml.Node, what string) string {
	s := d.text(n, what)
	if v := d.deref(n); v != nil && v.Kind == yaml.ScalarNode && strings.TrimSpace(s) == "" {
		d.errorf(v, CodeMissing, "%s: cannot be empty", what)
	}
	return s
}

// id reads an identifier: letters, digits, '-', '_' and '.', no spaces. A
// key given an empty id (to:, after:, next: with nothing after them) names
// nothing, which is never what was meant.
func (d *decoder) id(n *yaml.Node, what string) string {
	s := d.text(n, what)
	switch v := d.deref(n); {
	case s == "" && v != nil && v.Kind == yaml.ScalarNode:
		d.errorf(v, CodeMissing, "%s: cannot be empty; write an id", what)
	case s != "" && !validID(s):
		d.errorf(n, CodeBadValue, "%s: %q is not a valid id; use letters, digits, '-', '_' and '.' only", what, s)
	}
	return s
}

func validID(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}

func (d *decoder) integer(n *yaml.Node, what string) (int, bool) {
	s := d.scalar(n, what, "a whole number")
	if s == nil {
		return 0, false
	}
	v, err := strconv.Atoi(strings.TrimPrefix(s.Value, "+"))
	if (err != nil && !errors.Is(err, strconv.ErrRange)) || s.Tag != "!!int" {
		d.errorf(s, CodeType, "%s: expected a whole number, found %s%s", what, describe(s), notAsWritten(s))
		return 0, false
	}
	if err != nil || v > MaxNumber || v < -MaxNumber {
		d.errorf(s, CodeBadValue, "%s: %s is too large: a whole number in an inject file is at most %d either way", what, describe(s), MaxNumber)
		return 0, false
	}
	return v, true
}

// MaxNumber bounds every number an inject file gives, so that the meters and
// counters built from them cannot overflow, and every screen can draw them.
const MaxNumber = 1_000_000

func (d *decoder) number(n *yaml.Node, what string) (float64, bool) {
	s := d.scalar(n, what, "a number")
	if s == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(s.Value, 64)
	if err != nil || (s.Tag != "!!int" && s.Tag != "!!float") || math.IsNaN(v) {
		d.errorf(s, CodeType, "%s: expected a number, found %s", what, describe(s))
		return 0, false
	}
	if math.Abs(v) > MaxNumber {
		d.errorf(s, CodeBadValue, "%s: %s is too large: a number in an inject file is at most %d either way", what, describe(s), MaxNumber)
		return 0, false
	}
	return v, true
}

// chance reads a probability between 0 and 1.
func (d *decoder) chance(n *yaml.Node, what string, def float64) float64 {
	if n == nil {
		return def
	}
	v, ok := d.number(n, what)
	if !ok {
		return def
	}
	if v < 0 || v > 1 {
		d.errorf(n, CodeBadValue, "%s: expected a chance between 0 and 1, found %v", what, v)
		return def
	}
	return v
}

func (d *decoder) boolean(n *yaml.Node, what string) (bool, bool) {
	s := d.scalar(n, what, "true or false")
	if s == nil {
		return false, false
	}
	if s.Tag != "!!bool" {
		d.errorf(s, CodeType, "%s: expected true or false, found %s", what, describe(s))
		return false, false
	}
	return s.Value == "true", true
}

func (d *decoder) duration(n *yaml.Node, what string) (time.Duration, bool) {
	s := d.scalar(n, what, "a duration like 48h")
	if s == nil {
		return 0, false
	}
	v, err := ParseDuration(s.Value)
	if err != nil {
		d.errorf(s, CodeDuration, "%s: %v, found %s", what, err, describe(s))
		return 0, false
	}
	return v, true
}

// list reads a list of scalars; a single scalar is a list of one.
func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	n = d.deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []*yaml.Node{n}
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, CodeType, "%s: expected a list, found %s", what, describe(n))
		return nil
	}
	return n.Content
}

// enum reads one of a fixed set of names.
func (d *decoder) enum(n *yaml.Node, what string, names []string) (int, bool) {
	s := d.scalar(n, what, "one of: "+strings.Join(names, ", "))
	if s == nil {
		return 0, false
	}
	if i, ok := parse(names, s.Value); ok {
		return i, true
	}
	d.errorf(s, CodeBadValue, "%s: %s is not allowed%s", what, describe(s), suggestOr(s.Value, names))
	return 0, false
}

// weights reads a block of name: weight pairs over a fixed set of names.
func (d *decoder) weights(n *yaml.Node, what string, names []string, out []float64) {
	if n == nil {
		return
	}
	for i := range out {
		out[i] = 0
	}
	o := d.object(n, what, names...)
	for i, name := range names {
		if v := o.get(name); v != nil {
			w, ok := d.number(v, what+"."+name)
			if ok && w < 0 {
				d.errorf(v, CodeBadValue, "%s.%s: weights cannot be negative", what, name)
				w = 0
			}
			out[i] = w
		}
	}
}
