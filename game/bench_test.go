package game

import (
	"testing"

	"hotline/injects"
)

// BenchmarkCampaign plays the whole built-in campaign headless, bots on both
// sides, without a log: the engine's throughput.
func BenchmarkCampaign(b *testing.B) {
	sc, diags := injects.LoadBuiltin("campaign")
	if sc == nil {
		b.Fatal(diags)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Play(sc, uint64(i), [2]string{"by-the-book", "slow-walking"}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
