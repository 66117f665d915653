package loader

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Le ministre a déclaré que les négociations reprendraient dans la semaine.", "fr"},
		{"The minister said that the talks would resume within the week.", "en"},
		{"L’entretien s’est déroulé à Paris, selon l’Élysée.", "fr"},
		{"", ""},
		{"Vladimir Poutine, Joe Biden", ""},
		{"2021-04-13 12:00", ""},
		{"le the", ""}, // one clue each: no verdict
		{strings.Repeat("Les deux pays ont signé un accord. ", 2000) + "the the the the", "fr"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.40q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestDetectLanguageCorpus checks detection on the client's articles, whose
// names say their language (NN_fr_… or NN_en_…).
func TestDetectLanguageCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*_*_*.txt"))
	if len(files) == 0 {
		t.Skipf("no corpus in %s", corpusDir)
	}
	for _, path := range files {
		want := strings.Split(filepath.Base(path), "_")[1]
		as, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectLanguage(as[0].Text); got != want {
			t.Errorf("%s: DetectLanguage = %q, want %q", path, got, want)
		}
		if as[0].Language != want {
			t.Errorf("%s: Language = %q, want %q", path, as[0].Language, want)
		}
	}
}

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"fr": "fr", "FR": "fr", "fr-FR": "fr", "en_US": "en", "French": "fr", "anglais": "en", " de ": "de", "": "",
	} {
		if got := normalizeLanguage(in); got != want {
			t.Errorf("normalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
