package game

import "hotline/injects"

// condMemo remembers what conditions gave, for as long as nothing they read
// has changed. Bots ask the same questions after every event (may this
// request be sent, this action taken, this choice made?), and most events
// change nothing those questions read.
type condMemo struct {
	changes [8]uint32 // by dependency bit: how many times it changed
	known   map[*injects.Condition]memoEntry
}

type memoEntry struct {
	stamp uint64 // the changes of what the condition reads, summed
	holds bool
	err   error // the condition failed when it ran
}

// touch records that what the deps name has changed.
func (m *condMemo) touch(d injects.Deps) {
	for bit := range m.changes {
		if d&(1<<bit) != 0 {
			m.changes[bit]++
		}
	}
}

// stamp sums the changes of what the deps name. Each count only grows, so
// the sum stays the same exactly while none of them changes.
func (m *condMemo) stamp(d injects.Deps) uint64 {
	var s uint64
	for bit, n := range m.changes {
		if d&(1<<bit) != 0 {
			s += uint64(n)
		}
	}
	return s
}

// holds reports whether a condition holds against the state of play now; a
// condition that fails when it runs does not.
func (e *Engine) holds(c *injects.Condition) bool {
	ok, err := e.evaluate(c)
	return ok && err == nil
}

// evaluate evaluates a condition against the state of play now, or says why it
// failed.
func (e *Engine) evaluate(c *injects.Condition) (bool, error) {
	stamp := e.memo.stamp(c.Deps())
	if en, ok := e.memo.known[c]; ok && en.stamp == stamp {
		return en.holds, en.err
	}
	v, err := e.eval.Eval(c, e.env)
	if e.memo.known == nil {
		e.memo.known = map[*injects.Condition]memoEntry{}
	}
	e.memo.known[c] = memoEntry{stamp, v, err}
	return v, err
}
