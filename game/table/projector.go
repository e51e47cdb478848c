package table

import "hotline/game"

// The projector shows the room the dialogue's review when it meets, and the
// closing review at the end: longer than a screen. The facilitator takes
// the room through it a part at a time (game.ReviewParts: its title, each
// request, how each side answered); every projector shows the part they
// chose. Where the room's eyes are is no part of play, so it is the
// table's, not the log's; a new review starts at its beginning.

// ShowReviewPart puts part of the review in front of the room, on every
// projector.
func (t *Table) ShowReviewPart(a game.Actor, part int) error {
	if a.Role != game.Facilitator {
		return ErrNotFacilitator
	}
	return t.call(func() {
		t.mu.Lock()
		t.part = max(part, 0)
		t.mu.Unlock()
		t.notify()
	})
}

// newReview starts a review that has just been held at its beginning.
func (t *Table) newReview() {
	if n := len(t.sess.Engine.State().Reviews); n != t.reviews {
		t.reviews = n
		t.mu.Lock()
		t.part = 0
		t.mu.Unlock()
	}
}
