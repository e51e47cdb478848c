package injects

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a finding stops a file from loading.
type Severity uint8

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string { return [...]string{"error", "warning"}[s] }

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding about an inject file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`
	Message  string   `json:"message"`
	// Unlisted counts the findings left out past MaxFindings, on the last
	// finding that says so; UnlistedErrors how many of them are errors.
	Unlisted       int `json:"unlisted,omitempty"`
	UnlistedErrors int `json:"unlisted_errors,omitempty"`
}

// String formats the finding as "file:line:col: error: message [code]".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", d.File, d.Line, d.Col, d.Severity, d.Message, d.Code)
}

// Diagnostics is every finding about a scenario, in file order.
type Diagnostics []Diagnostic

// Errors returns how many findings are errors.
func (ds Diagnostics) Errors() int {
	n := 0
	for _, d := range ds {
		switch {
		case d.Code == CodeTooMany:
			n += d.UnlistedErrors
		case d.Severity == Error:
			n++
		}
	}
	return n
}

// Warnings counts the warnings, listed or not.
func (ds Diagnostics) Warnings() int {
	n := 0
	for _, d := range ds {
		switch {
		case d.Code == CodeTooMany:
			n += d.Unlisted - d.UnlistedErrors
		case d.Severity == Warning:
			n++
		}
	}
	return n
}

// Error lists the findings one a line, so Diagnostics can be returned as an
// error when a file has errors.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

func (ds Diagnostics) sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// Code identifies the kind of a finding; docs/inject-format.md lists them.
type Code string

// Errors.
const (
	CodeIO          Code = "io"            // the file cannot be read
	CodeNotText     Code = "not-text"      // the file is binary or not UTF-8
	CodeTooLarge    Code = "too-large"     // the file is over the size limit
	CodeEmpty       Code = "empty"         // the file has no content
	CodeSyntax      Code = "syntax"        // YAML syntax error
	CodeUnknownKey  Code = "unknown-key"   // a key the format does not have
	CodeDuplicate   Code = "duplicate"     // a key or id given twice
	CodeType        Code = "type"          // a value of the wrong kind
	CodeMissing     Code = "missing"       // a required field is absent
	CodeBadValue    Code = "bad-value"     // a value outside its allowed set or range
	CodeDuration    Code = "duration"      // a malformed duration
	CodeTime        Code = "time"          // a malformed calendar time or zone
	CodeUnknownRef  Code = "unknown-ref"   // a reference to something not declared
	CodeAfterEnd    Code = "after-end"     // a deadline or meeting after the scenario's end
	CodeCondition   Code = "condition"     // a condition that does not compile
	CodeInclude     Code = "include"       // an include that cannot be loaded
	CodeFormat      Code = "format"        // an unsupported format version
	CodeReserved    Code = "reserved-name" // a variable named like a condition builtin
	CodeChoiceTo    Code = "choices-need-a-side"
	CodeConflicting Code = "conflict" // fields that cannot be used together
	CodeShared      Code = "shared"   // a shared file given where a scenario is needed
	CodeTooMany     Code = "too-many" // more findings than are listed
)

// Warnings.
const (
	CodeNeverFires    Code = "never-fires"     // an inject nothing can fire
	CodeDeadEnd       Code = "dead-end"        // a choice that changes nothing
	CodeNoTimeout     Code = "no-timeout-path" // a deadline with nothing on timeout
	CodeUnusedVar     Code = "unused-variable"
	CodeUnusedPersona Code = "unused-persona"
	CodeUnusedProfile Code = "unused-profile"
	CodeUnreachable   Code = "unreachable-ending" // an ending nothing leads to
	CodeNeverOpened   Code = "never-opened"       // a request nothing opens
	CodeNeverHolds    Code = "never-holds"        // a condition that can never hold, or an ending tried after one that always does
	CodeCoversAll     Code = "covers-all"         // a ground that does not say what it covers
	CodeUnexercised   Code = "unexercised"        // an objective no inject or request exercises
)

// suggest returns ` (did you mean "x"?)` when a known name is close to the
// given one, or "". A suggestion is a courtesy: past suggestWork cells of
// edit distance it gives up, so a file with thousands of ids and thousands
// of bad references costs no more than a small one.
func suggest(got string, known []string) string {
	best, bestDist := "", min(len(got)/3+2, 3)
	lower := strings.ToLower(got)
	work := 0
	for _, k := range known {
		if abs(len(k)-len(got)) >= bestDist {
			continue // too long or too short to be closer
		}
		if work += len(got) * len(k); work > suggestWork {
			break
		}
		if d := editDistance(lower, strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" || best == got {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// DidYouMean returns ` (did you mean "x"?)` when one of the known ids is
// close to the one given, as the validator suggests, or "".
func DidYouMean(got string, known []string) string { return suggest(got, known) }

// suggestWork is the most edit-distance cells one suggestion computes:
// a few hundred ids of twenty characters.
const suggestWork = 200_000

func abs(n int) int { return max(n, -n) }

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
