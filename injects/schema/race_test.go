//go:build race

package schema_test

// raceDetector is set when the tests run with -race, which makes the
// loader ten times slower and has nothing to find in the differential test.
const raceDetector = true
