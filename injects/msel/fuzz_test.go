package msel_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hotline/injects"
	"hotline/injects/msel"
)

// importSheet reads data as a sheet of the given kind and imports it: it
// must never panic, and what it refuses it refuses in words; an inject
// file it writes without errors loads.
func importSheet(t *testing.T, ext string, data []byte) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sheet"+ext)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := msel.Read(path)
	if err != nil {
		if err.Error() == "" {
			t.Fatal("refused without a word")
		}
		return
	}
	out := filepath.Join(dir, "out.yaml")
	text, found := msel.Import(s, msel.Options{Output: out})
	for _, f := range found {
		if f.Where == "" || f.Message == "" {
			t.Fatalf("incomplete finding %+v", f)
		}
	}
	if found.Errors() > 0 || text == nil {
		return
	}
	if err := os.WriteFile(out, text, 0o644); err != nil {
		t.Fatal(err)
	}
	if sc, diags := injects.Load(out); sc == nil && !strings.Contains(diags.Error(), "shared file") {
		t.Fatalf("the imported file does not load:\n%s\n%s", diags.Error(), text)
	}
}

// seedSheets are the sheets of testdata and the MSELs of the built-in
// scenarios, as CSV or as workbooks.
func seedSheets(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, id := range []string{"opm-breach", "campaign"} {
		sc, diags := injects.LoadBuiltin(id)
		if sc == nil {
			f.Fatal(diags)
		}
		var b bytes.Buffer
		sheet := msel.Export(sc)
		var err error
		if ext == ".csv" {
			err = sheet.WriteCSV(&b)
		} else {
			err = sheet.WriteXLSX(&b)
		}
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
}

// FuzzImportCSV imports arbitrary CSV. The seed corpus, run by every `go
// test`, is the sheets of testdata, the built-in scenarios' MSELs, and
// sheets written to hurt.
func FuzzImportCSV(f *testing.F) {
	seedSheets(f, ".csv")
	head := strings.Join(msel.Headers[:], ",") + "\n"
	f.Add([]byte(head + strings.Repeat("x\n", msel.MaxRows+1)))
	f.Add([]byte(head + `1,a,T+1h,2015-10-05 09:00,,white-cell,us,note,"S ""q""",` + strings.Repeat("m", 5000) + ",,,\n"))
	f.Add([]byte("\ufeff" + head + "1,a,T+1h,,,nobody,mars,fax,S,M,,,\n"))
	f.Add([]byte(head + "\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) { importSheet(t, ".csv", data) })
}

// FuzzImportXLSX imports arbitrary workbooks, seeded as FuzzImportCSV is.
func FuzzImportXLSX(f *testing.F) {
	seedSheets(f, ".xlsx")
	f.Add([]byte("PK\x03\x04 not a workbook"))
	f.Fuzz(func(t *testing.T, data []byte) { importSheet(t, ".xlsx", data) })
}
