package table_test

import (
	"errors"
	"testing"

	"hotline/game"
	"hotline/game/table"
)

// The facilitator puts a part of the review on the projector; nobody
// else can; a new review starts at its beginning.
func TestTheFacilitatorTakesTheRoomThroughTheReview(t *testing.T) {
	c := newClassroom(t, "opm-breach", table.Config{Wait: table.Off})
	if err := c.tb.ShowReviewPart(c.students["fbi"], 2); !errors.Is(err, table.ErrNotFacilitator) {
		t.Fatalf("a student moved the projector's review: %v", err)
	}
	if err := c.tb.ShowReviewPart(c.host, 2); err != nil {
		t.Fatal(err)
	}
	c.take()
	if c.last.ReviewPart != 2 {
		t.Fatalf("the projector is told part %d, want 2", c.last.ReviewPart)
	}
	c.do(c.host, game.Command{Verb: game.EndExercise}) // the closing review
	if c.last.ReviewPart != 0 {
		t.Errorf("the closing review starts at part %d, want its beginning", c.last.ReviewPart)
	}
}
