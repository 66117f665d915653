package extract

import (
	"testing"

	"github.com/newsgraph/kg/schema"
)

// TestGeneralisationStatements covers the mechanisms added for unseen wire
// and readout prose: appositions and relative clauses between a speaker and
// the verb, trailing participles, quoted first persons before an
// attribution, hearers between a verb of saying and its content, closing
// sources, modals of continuation, communiqués signed by a short name. The
// sentences are written for the test.
func TestGeneralisationStatements(t *testing.T) {
	tests := []struct {
		name, text, date string
		want, not        []string
	}{
		{"apposition with a possessive office", "Josep Borrell, the EU's foreign policy chief, said the bloc would keep its sanctions.", "2022-05-02",
			[]string{"Josep Borrell|STATE|"}, nil},
		{"apposition with an indefinite office", "Ned Price, a State Department spokesman, said the door to diplomacy stayed open.", "2022-01-20",
			[]string{"Ned Price|STATE|"}, nil},
		{"possessor of an office is no object", "The alliance's secretary-general, Jens Stoltenberg, said the troops were still there.", "2022-02-16",
			[]string{"Jens Stoltenberg|STATE|"}, nil},
		{"relative clause with a verb of its own", "Volodymyr Zelensky, who is due to fly to Munich, called for calm and said Kyiv would not answer provocations.", "2022-02-18",
			[]string{"Volodymyr Zelensky|CALL_ON|", "Volodymyr Zelensky|STATE|"}, nil},
		{"home-state office goes to the holder just named", "MOSCOW, Feb 18 - British Prime Minister Boris Johnson said the evidence was clear. The Prime Minister urged allies to cut their gas imports.", "2022-02-18",
			[]string{"Boris Johnson|CALL_ON|"}, nil},
		{"participle of its own", "Dmitry Peskov rejected the charge, stressing that Moscow threatened nobody.", "2022-02-18",
			[]string{"Dmitry Peskov|REJECT|", "Dmitry Peskov|STRESS|"}, nil},
		{"French participle of its own", "Le porte-parole du Kremlin, Dmitri Peskov, a démenti toute ingérence, affirmant que Moscou respectait la souveraineté serbe.", "2022-12-27",
			[]string{"Dmitry Peskov|DENY|", "Dmitry Peskov|STATE|"}, nil},
		{"tout en", "Alexeï Navalny a remercié les Européens, tout en les appelant à viser les oligarques.", "2020-10-15",
			[]string{"Alexei Navalny|EXPRESS_SUPPORT|", "Alexei Navalny|CALL_ON|"}, nil},
		{"gerund of manner extends the act", "Jen Psaki a tenu à préciser la position américaine, en affirmant que Washington voulait une relation stable.", "2021-04-15",
			[]string{"Jen Psaki|STATE|"}, nil},
		{"quoted we belongs to the attribution", "« Nous demandons à toutes les parties de rester calmes », a déclaré le porte-parole du département d'État, Ned Price.", "2022-12-27",
			nil, []string{"United States|CALL_ON|Ned Price", "United States|STATE|Ned Price"}},
		{"participle after an attribution following a quote", "The talks went well. “We came to listen,” Liz Truss said, adding that London would keep supporting Kyiv.", "2022-02-10",
			[]string{"Liz Truss|STATE|"}, nil},
		{"hearer before the content", "Nancy Pelosi told reporters that the United States strongly condemned the shelling.", "2022-09-18",
			[]string{"United States|CRITICIZE|Nancy Pelosi"}, nil},
		{"participle reports a nested statement", "Rishi Sunak distanced himself from the remark, saying Zelensky had thanked Britain many times.", "2023-07-12",
			[]string{"Rishi Sunak|REJECT|", "Volodymyr Zelensky|EXPRESS_SUPPORT|Rishi Sunak"}, nil},
		{"closing source reports the last clause", "Emmanuel Macron confirmed that France would send missiles, while Germany pledged new air defences, according to the German defence ministry.", "2023-07-12",
			[]string{"Emmanuel Macron|STATE|", "Germany|EXPRESS_INTENT|German defence ministry"},
			[]string{"Emmanuel Macron|STATE|German defence ministry"}},
		{"adverb between subject and verb", "Britain deeply regrets the decision.", "2020-01-14",
			[]string{"United Kingdom|CRITICIZE|"}, nil},
		{"continuation modal", "Le Kremlin continue de nier toute implication dans l'affaire.", "2020-10-15",
			[]string{"Kremlin|DENY|"}, nil},
		{"bare lemma after a name is a noun", "Joe Biden said that Western support for Ukraine would last.", "2023-07-12",
			[]string{"Joe Biden|STATE|"}, []string{"Western|EXPRESS_SUPPORT|"}},
		{"agency with adjectives", "Selon l'agence de presse publique Tanjug, le ministre de la Défense, Milos Jankovic, a démenti la rumeur.", "2022-12-27",
			[]string{"Milos Jankovic|DENY|Tanjug"}, nil},
		{"news agency in the lexicon", "The committee will meet next week, Interfax reported.", "2022-02-10",
			[]string{"Interfax|STATE|"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := run(t, tt.text, tt.date)
			got := said(ex)
			for _, w := range tt.want {
				if w[0] == '|' {
					// any speaker: act and source only
					ok := false
					for _, g := range got {
						ok = ok || len(g) >= len(w) && g[len(g)-len(w):] == w
					}
					if !ok {
						t.Errorf("missing *%q in %q", w, got)
					}
					continue
				}
				if !contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, w := range tt.not {
				if contains(got, w) {
					t.Errorf("unexpected %q in %q", w, got)
				}
			}
		})
	}
}

// TestGeneralisationCommunique checks that a communiqué whose signers name
// themselves by a short form in parentheses speaks as that organization,
// and that its "we" clauses without a verb of saying are statements.
func TestGeneralisationCommunique(t *testing.T) {
	text := "Joint statement by three foreign ministers\n\nWe, the Foreign Ministers of Norway, Sweden and Finland (N3), have supported the mediation since it began. " +
		"We have worked hard for years. We call on both parties to resume talks. The N3 expect all sides to respect the truce."
	ex := run(t, text, "2023-03-01")
	got := said(ex)
	for _, w := range []string{"N3|STATE|", "N3|CALL_ON|"} {
		if !contains(got, w) {
			t.Errorf("missing %q in %q", w, got)
		}
	}
	for _, g := range got {
		if g == "Norway|CALL_ON|" || g == "Sweden|CALL_ON|" {
			t.Errorf("signer states speak instead of their group: %q", got)
		}
	}
	n := 0
	for _, g := range got {
		if len(g) > 3 && g[:3] == "N3|" {
			n++
		}
	}
	if n < 4 {
		t.Errorf("we-voice clauses: %d N3 statements in %q", n, got)
	}
}

// TestGeneralisationPersonsAndRoles covers names typed by their context
// (ranks, appositions, a name closing an apposition before a verb of
// saying) and offices whose state the context gives.
func TestGeneralisationPersonsAndRoles(t *testing.T) {
	tests := []struct {
		name, text, date string
		persons          []string
		roles            []string // person|of
	}{
		{"rank before a name", "The killing of General Hossein Karimi in a drone strike raised tensions.", "2020-01-08",
			[]string{"Hossein Karimi"}, nil},
		{"French rank after a determiner", "Le chef d'état-major, le général Milan Petrovic, a été envoyé près de la frontière.", "2022-12-27",
			[]string{"Milan Petrovic"}, nil},
		{"rank and demonym", "Son commandant, le général italien Marco Bellini, a rencontré les deux parties.", "2022-12-27",
			[]string{"Marco Bellini"}, nil},
		{"name apposed to a noun phrase", "Ils protestent contre l'arrestation d'un ancien policier serbe, Dejan Novak, que Pristina accuse.", "2022-12-27",
			[]string{"Dejan Novak"}, nil},
		{"name closing a long apposition", "Le représentant spécial de l'Union européenne pour le dialogue, Miroslav Horak, a assuré que les discussions avançaient.", "2022-12-27",
			[]string{"Miroslav Horak"}, []string{"Miroslav Horak|European Union"}},
		{"office of the context's state", "Le président serbe Aleksandar Vucic a placé l'armée en alerte. Le ministre de la Défense, Milos Jankovic, a précisé que Belgrade n'attaquerait personne.", "2022-12-27",
			[]string{"Milos Jankovic"}, []string{"Milos Jankovic|Serbia"}},
		{"possessive office of the person just named", "Le Premier ministre kosovar, Albin Kurti, a accusé Belgrade. Son ministre de l'Intérieur, Xhelal Berisha, a affirmé que des hommes armés avaient été vus.", "2022-12-27",
			[]string{"Albin Kurti", "Xhelal Berisha"}, []string{"Albin Kurti|Kosovo", "Xhelal Berisha|Kosovo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := run(t, tt.text, tt.date)
			n := names(ex)
			persons := map[string]bool{}
			for _, e := range ex.Entities {
				if e.Type == schema.TypePerson {
					persons[e.Name] = true
				}
			}
			for _, p := range tt.persons {
				if !persons[p] {
					t.Errorf("person %q missing: %v", p, persons)
				}
			}
			roles := map[string]bool{}
			for _, r := range ex.Roles {
				roles[n[r.Person].Name+"|"+n[r.Of].Name] = true
			}
			for _, r := range tt.roles {
				if !roles[r] {
					t.Errorf("role %q missing: %v", r, roles)
				}
			}
		})
	}
}
