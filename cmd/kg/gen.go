package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The synthetic corpus generator writes plausible French and English
// diplomatic news of any size, for benchmarks and reliability tests only:
// its articles are built from templates, so extraction quality measured on
// them means nothing.

type genActor struct {
	name, titleEN, titleFR string
	state                  string // index into genStates
}

type genState struct{ en, fr, capitalEN, capitalFR, seatEN, seatFR string }

var genStates = map[string]genState{
	"ru": {"Russia", "la Russie", "Moscow", "Moscou", "the Kremlin", "le Kremlin"},
	"us": {"the United States", "les Etats-Unis", "Washington", "Washington", "the White House", "la Maison Blanche"},
	"ua": {"Ukraine", "l'Ukraine", "Kyiv", "Kiev", "the Ukrainian presidency", "la présidence ukrainienne"},
	"fr": {"France", "la France", "Paris", "Paris", "the Elysee", "l'Elysée"},
	"de": {"Germany", "l'Allemagne", "Berlin", "Berlin", "the German chancellery", "la chancellerie allemande"},
}

var genActors = []genActor{
	{"Vladimir Putin", "Russian President", "le président russe", "ru"},
	{"Sergei Lavrov", "Russian Foreign Minister", "le ministre russe des Affaires étrangères", "ru"},
	{"Dmitry Peskov", "Kremlin spokesman", "le porte-parole du Kremlin", "ru"},
	{"Joe Biden", "US President", "le président américain", "us"},
	{"Antony Blinken", "Secretary of State", "le secrétaire d'Etat américain", "us"},
	{"Jen Psaki", "White House press secretary", "la porte-parole de la Maison Blanche", "us"},
	{"Volodymyr Zelensky", "Ukrainian President", "le président ukrainien", "ua"},
	{"Dmytro Kuleba", "Ukrainian Foreign Minister", "le ministre ukrainien des Affaires étrangères", "ua"},
	{"Emmanuel Macron", "French President", "le président français", "fr"},
	{"Jean-Yves Le Drian", "French Foreign Minister", "le ministre français des Affaires étrangères", "fr"},
	{"Angela Merkel", "German Chancellor", "la chancelière allemande", "de"},
	{"Heiko Maas", "German Foreign Minister", "le ministre allemand des Affaires étrangères", "de"},
}

var genTopicsEN = []string{"the troop build-up near the border", "the Minsk agreements", "the ceasefire in the Donbas",
	"arms control", "the gas pipeline", "cyber attacks", "the situation in Crimea", "sanctions"}
var genTopicsFR = []string{"l'accumulation de troupes à la frontière", "les accords de Minsk", "le cessez-le-feu dans le Donbass",
	"la maîtrise des armements", "le gazoduc", "les cyberattaques", "la situation en Crimée", "les sanctions"}

var genSentencesEN = []string{
	"%[1]s %[2]s expressed concern about %[5]s, according to %[4]s.",
	"%[2]s called on %[6]s to de-escalate tensions over %[5]s.",
	"%[1]s %[2]s said that %[7]s was ready to discuss %[5]s.",
	"%[2]s stressed the importance of %[5]s, %[4]s said.",
	"%[2]s warned %[6]s that any escalation over %[5]s would have consequences.",
	"%[2]s spoke by telephone with %[3]s on %[8]s to discuss %[5]s.",
	"%[2]s proposed a summit with %[3]s in the coming months.",
	"%[2]s rejected the accusations about %[5]s.",
}

var genSentencesFR = []string{
	"%[1]s %[2]s a exprimé son inquiétude au sujet de %[5]s, selon %[4]s.",
	"%[2]s a appelé %[6]s à faire baisser les tensions autour de %[5]s.",
	"%[1]s %[2]s a déclaré que %[7]s était prête à discuter de %[5]s.",
	"%[2]s a souligné l'importance de %[5]s, a indiqué %[4]s.",
	"%[2]s a averti %[6]s qu'une escalade autour de %[5]s aurait des conséquences.",
	"%[2]s s'est entretenu par téléphone avec %[3]s %[8]s pour évoquer %[5]s.",
	"%[2]s a proposé un sommet à %[3]s dans les prochains mois.",
	"%[2]s a rejeté les accusations concernant %[5]s.",
}

var genDaysEN = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
var genDaysFR = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi"}

// genArticle is one synthetic article, as a JSON Lines record.
type genArticle struct {
	Title  string `json:"title"`
	Date   string `json:"date"`
	Lang   string `json:"lang"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// synthArticle builds article i of a corpus; the same seed and i give the
// same article. Each has 6 to 15 sentences (about 1 to 2.5 KB).
func synthArticle(seed uint64, i int) genArticle {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	fr := r.IntN(2) == 0
	date := fmt.Sprintf("%04d-%02d-%02d", 2014+r.IntN(9), 1+r.IntN(12), 1+r.IntN(28))
	var b strings.Builder
	n := 6 + r.IntN(10)
	var title string
	for s := 0; s < n; s++ {
		a := genActors[r.IntN(len(genActors))]
		o := genActors[r.IntN(len(genActors))]
		st := genStates[a.state]
		other := genStates[o.state]
		var line string
		if fr {
			tpl := genSentencesFR[r.IntN(len(genSentencesFR))]
			line = fmt.Sprintf(tpl, capitalize(a.titleFR), a.name, o.name, st.seatFR,
				genTopicsFR[r.IntN(len(genTopicsFR))], other.fr, st.capitalFR, genDaysFR[r.IntN(len(genDaysFR))])
		} else {
			tpl := genSentencesEN[r.IntN(len(genSentencesEN))]
			line = fmt.Sprintf(tpl, a.titleEN, a.name, o.name, st.seatEN,
				genTopicsEN[r.IntN(len(genTopicsEN))], other.en, st.capitalEN, genDaysEN[r.IntN(len(genDaysEN))])
		}
		line = capitalize(line)
		if s == 0 {
			title = strings.TrimSuffix(line, ".")
		}
		if s > 0 {
			if r.IntN(3) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	lang := "en"
	if fr {
		lang = "fr"
	}
	return genArticle{Title: fmt.Sprintf("%s (%d)", title, i), Date: date, Lang: lang, Source: "kg gen (synthetic)", Text: b.String()}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func cmdGen(e *env, args []string) int {
	f := newFlags(e, "gen", "kg gen writes a synthetic corpus of French and English diplomatic news, for\n"+
		"benchmarks and load tests only (the articles come from templates; never measure quality on them).\n"+
		"The output is JSON Lines, or one .txt file per article when --out is a folder.",
		"  kg gen --count 10000 --out corpus.jsonl\n  kg gen --count 100 --out corpus/")
	count := f.Int("count", 1000, "number of articles")
	out := f.String("out", "-", "a .jsonl file, a folder (ending in /), or - for standard output")
	seed := f.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	if _, code, ok := parse(f, args); !ok {
		return code
	}
	if err := writeSynthetic(e, *out, *count, *seed); err != nil {
		e.fail("gen: %v", err)
		return exitFail
	}
	return exitOK
}

func writeSynthetic(e *env, out string, count int, seed uint64) error {
	if strings.HasSuffix(out, "/") || isDir(out) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		for i := 0; i < count; i++ {
			a := synthArticle(seed, i)
			text := fmt.Sprintf("date %s\ntitle %s\nlang %s\nsource %s\n\n%s\n", a.Date, a.Title, a.Lang, a.Source, a.Text)
			if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("%07d_%s.txt", i, a.Lang)), []byte(text), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	w := e.stdout
	if out != "-" {
		fh, err := os.Create(out)
		if err != nil {
			return err
		}
		defer fh.Close()
		w = fh
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := 0; i < count; i++ {
		if err := enc.Encode(synthArticle(seed, i)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
