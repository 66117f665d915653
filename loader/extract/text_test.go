package extract

import (
	"strings"
	"testing"
)

func words(text string) []string {
	var out []string
	for _, t := range tokenize(text) {
		out = append(out, text[t.s:t.e])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"l’Ukraine et d'Allemagne", "l’|Ukraine|et|d'|Allemagne"},
		{"jusqu’à présent, qu’il", "jusqu’|à|présent|,|qu’|il"},
		{"les Etats-Unis, a-t-il dit", "les|Etats-Unis|,|a-t-il|dit"},
		{"« Non », dit-elle.", "«|Non|»|,|dit-elle|."},
		{"the U.S. position", "the|U.S.|position"},
		{"Ukraine’s borders", "Ukraine|’s|borders"},
		{"don't go", "don't|go"},
		{"M. Dupont et Mme Durand", "M|.|Dupont|et|Mme|Durand"},
		{"build-up in 2021", "build-up|in|2021"},
		{"“Quoted” text", "“|Quoted|”|text"},
	}
	for _, tt := range tests {
		got := strings.Join(words(tt.in), "|")
		if got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenOffsetsAndFold(t *testing.T) {
	text := "Élysée: « Ça va », l’Œuvre"
	for _, tk := range tokenize(text) {
		if tk.s < 0 || tk.e > len(text) || tk.s >= tk.e {
			t.Fatalf("bad span %d:%d", tk.s, tk.e)
		}
	}
	if got := fold("Élysée"); got != "elysee" {
		t.Errorf("fold = %q", got)
	}
	if got := fold("l’Œuvre"); got != "l'oeuvre" {
		t.Errorf("fold = %q", got)
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"M. Martin est arrivé. Il a parlé.", []string{"M. Martin est arrivé.", "Il a parlé."}},
		{"Il a dit « c’est fini. » Puis il est parti.", []string{"Il a dit « c’est fini. »", "Puis il est parti."}},
		{"President Joseph R. Biden, Jr. spoke today. They met.", []string{"President Joseph R. Biden, Jr. spoke today.", "They met."}},
		{"A title line\nThe text starts here. It ends.", []string{"A title line", "The text starts here.", "It ends."}},
		{"The U.S. and the E.U. agreed. Good.", []string{"The U.S. and the E.U. agreed.", "Good."}},
		{"Le 7.06.21 est un lundi.", []string{"Le 7.06.21 est un lundi."}},
	}
	for _, tt := range tests {
		toks := tokenize(tt.in)
		var got []string
		for _, s := range splitSentences(tt.in, toks) {
			got = append(got, tt.in[toks[s[0]].s:toks[s[1]-1].e])
		}
		if strings.Join(got, "‖") != strings.Join(tt.want, "‖") {
			t.Errorf("split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInflector(t *testing.T) {
	has := func(forms []string, w string) bool {
		for _, f := range forms {
			if f == w {
				return true
			}
		}
		return false
	}
	tests := []struct {
		forms []string
		want  []string
	}{
		{frVerbForms("souligner"), []string{"souligne", "soulignent", "souligné", "soulignait", "soulignant", "soulignera"}},
		{frVerbForms("réitérer"), []string{"réitère", "réitèrent", "réitéré", "réitérons"}},
		{frVerbForms("appeler"), []string{"appelle", "appellent", "appelé", "appelons"}},
		{frVerbForms("encourager"), []string{"encourageons", "encourageait", "encouragé"}},
		{frVerbForms("avertir"), []string{"avertit", "avertissent", "averti", "avertissant"}},
		{frAdjForms("américain"), []string{"américaine", "américains", "américaines"}},
		{frAdjForms("ukrainien"), []string{"ukrainienne", "ukrainiens", "ukrainiennes"}},
		{frAdjForms("russe"), []string{"russes"}},
		{frAdjForms("français"), []string{"française", "françaises"}},
		{enVerbForms("emphasize"), []string{"emphasizes", "emphasized", "emphasizing"}},
		{enVerbForms("call on"), []string{"calls on", "called on", "calling on"}},
		{enVerbForms("deny"), []string{"denies", "denied"}},
		{enVerbForms("regret"), []string{"regretted"}},
	}
	for _, tt := range tests {
		for _, w := range tt.want {
			if !has(tt.forms, w) {
				t.Errorf("forms %v lack %q", tt.forms, w)
			}
		}
	}
}
