package injects

import "time"

// Defaults apply when a scenario leaves a whole-exercise section out, so
// that a first inject file can be short. docs/inject-format.md lists them.

const day = 24 * time.Hour

var defaultWeights = Weights{Timeliness: 0.4, Quality: 0.3, Cooperation: 0.3}

func defaultHotline() Hotline {
	return Hotline{
		AnswerWithin: 4 * time.Hour,
		CommitWithin: 3 * day,
		Rungs: []Rung{
			{ID: "working-level", Title: "Working level", Text: "Requests are handled by the agencies that received them."},
			{ID: "ministerial", Title: "Ministerial", Text: "The dialogue's leads are engaged over the hotline."},
			{ID: "sanctions-threatened", Title: "Sanctions threatened", Text: "Sanctions on named individuals or entities are threatened."},
			{ID: "sanctions-imposed", Title: "Sanctions imposed", Text: "Sanctions on named individuals or entities are in force."},
		},
		// Ringing is no offence: a call that fails escalates, a commitment
		// kept calms.
		Moves: Moves{Ring: 0, Missed: 1, Commit: 0, Explain: 0, Deny: 1, Kept: -1, Broken: 1},
		// Calls engage the ministers; sanctions are threatened and imposed
		// only by decision, days apart.
		Ceiling:     1,
		ImposeAfter: 5 * day,
	}
}

func defaultCosts() Costs {
	h := time.Hour
	var c Costs
	c[Acknowledge] = [numQualities]time.Duration{h, h, h}
	c[Preserve] = [numQualities]time.Duration{2 * h, 6 * h, 12 * h}
	c[Investigate] = [numQualities]time.Duration{12 * h, 2 * day, 5 * day}
	c[Mitigate] = [numQualities]time.Duration{4 * h, 12 * h, 2 * day}
	c[Update] = [numQualities]time.Duration{h, 3 * h, 8 * h}
	c[Results] = [numQualities]time.Duration{4 * h, 12 * h, 2 * day}
	return c
}

// baseProfile is what a declared profile starts from before its fields.
func baseProfile() Profile {
	return Profile{
		Pace:     0.6,
		Respond:  1,
		Quality:  [numQualities]float64{0, 1, 0},
		Answer:   1,
		Answers:  [numAnswers]float64{1, 0, 0},
		Escalate: day,
		Tones:    [numTones]float64{1, 1, 1},
	}
}

// defaultProfiles are the four counterparts used when a scenario declares
// none.
func defaultProfiles() []Profile {
	p := func(id, title, desc string, f func(*Profile)) Profile {
		pr := baseProfile()
		pr.ID, pr.Title, pr.Description = id, title, desc
		f(&pr)
		return pr
	}
	return []Profile{
		p("cooperative", "Cooperative", "Answers every part early and well, commits on the hotline, and prefers conciliatory moves.",
			func(p *Profile) {
				p.Pace, p.Quality = 0.4, [numQualities]float64{0, 1, 2}
				p.Escalate = 12 * time.Hour
				p.Tones = [numTones]float64{3, 2, 0.5}
				p.Initiative = 0.2
			}),
		p("by-the-book", "By the book", "Answers on time at adequate quality, asks for clarification, and declines what its law does not allow.",
			func(p *Profile) {
				p.Pace, p.Quality = 0.8, [numQualities]float64{0, 3, 1}
				p.Decline, p.Clarify = 0.35, 0.3
				p.Answers = [numAnswers]float64{1, 2, 0}
				p.Tones = [numTones]float64{3, 1, 1}
				p.Initiative = 0.3
			}),
		p("slow-walking", "Slow-walking", "Acknowledges, then lets deadlines pass with thin answers and questions; sometimes misses hotline calls.",
			func(p *Profile) {
				p.Pace, p.Respond, p.Quality = 1.3, 0.8, [numQualities]float64{3, 1, 0}
				p.Decline, p.Clarify, p.Answer = 0.15, 0.5, 0.6
				p.Answers = [numAnswers]float64{2, 2, 1}
				p.Escalate = 2 * day
				p.Tones = [numTones]float64{2, 1, 1}
				p.Initiative = 0.3
			}),
		p("stonewalling", "Stonewalling", "Declines or ignores most parts, denies on the hotline, and escalates its own complaints quickly.",
			func(p *Profile) {
				p.Pace, p.Respond, p.Quality = 1.8, 0.25, [numQualities]float64{1, 0, 0}
				p.Decline, p.Clarify, p.Answer = 0.7, 0.2, 0.3
				p.Answers = [numAnswers]float64{0, 1, 3}
				p.Escalate = 12 * time.Hour
				p.Tones = [numTones]float64{1, 0, 3}
				p.Initiative = 0.6
			}),
	}
}

// MaxFeedbackQuestions bounds the free-text questions of the feedback
// form: a form is answered in minutes.
const MaxFeedbackQuestions = 5

// DefaultFeedback is the participants' feedback form's questions when a
// file sets none: those of HSEEP's participant feedback form.
var DefaultFeedback = []string{
	"What were the strengths you saw in the exercise: what worked, in your team or in the mechanism?",
	"What were the areas for improvement, and what would you change first?",
	"Was there anything the evaluators may not have seen or recorded, and what should the exercise do differently next time?",
}

// FeedbackRatings are the statements of the feedback form that each
// participant rates, from 1 (strongly disagree) to 5 (strongly agree), as
// HSEEP's participant feedback form has them. They are Hotline's, not the
// file's, so that forms can be compared across scenarios.
var FeedbackRatings = []string{
	"The exercise was well structured and organized.",
	"The scenario was plausible and realistic.",
	"The situation manual and the screens helped me take part.",
	"The facilitator knew the mechanism and kept the exercise moving.",
	"The exercise helped me understand what the hotline and the joint dialogue can and cannot do.",
	"I know what my organization should do next as a result.",
}
