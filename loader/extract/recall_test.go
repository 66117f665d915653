package extract

import (
	"sort"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// TestRecallStatements covers the attribution shapes that cost statement
// recall on unseen articles: incises in the middle of a clause, several
// sources in one attribution, collective speakers. The sentences are
// written for the test. want/not list "speaker|act|source".
func TestRecallStatements(t *testing.T) {
	tests := []sentenceCase{
		// mid-sentence incises: the clause's subject speaks, the incise is its source
		{"en pronoun incise with an adverb", "Antony Blinken met Sergei Lavrov in Geneva. Russia, he said later, had promised to pull back its troops.", "2022-01-21",
			[]string{"Russia|EXPRESS_INTENT|Antony Blinken"}, []string{"Antony Blinken|EXPRESS_INTENT|", "Antony Blinken|STATE|"}},
		{"en pronoun incise with a hearer", "Antony Blinken met Sergei Lavrov in Geneva. Lavrov, he told reporters afterwards, had denied any plan to invade.", "2022-01-21",
			[]string{"Sergei Lavrov|DENY|Antony Blinken"}, []string{"Antony Blinken|DENY|"}},
		{"en named incise without a verb of saying after", "The talks, Sergei Lavrov said on Monday, would resume in Geneva.", "2022-01-10",
			[]string{"Sergei Lavrov|STATE|"}, nil},
		{"fr inverted pronoun incise", "Le ministre allemand Heiko Maas a rencontré Sergueï Lavrov. La Russie, a-t-il déclaré à la presse, refuse toute désescalade.", "2021-05-20",
			[]string{"Russia|REJECT|Heiko Maas"}, []string{"Heiko Maas|STATE|"}},
		{"fr inverted named incise with a weekday", "Le ministre allemand Heiko Maas a rencontré Sergueï Lavrov. Moscou, a affirmé jeudi Heiko Maas, a démenti toute ingérence.", "2021-05-20",
			[]string{"Russia|DENY|Heiko Maas"}, []string{"Heiko Maas|STATE|"}},
		{"fr incise after a quote with plus tard", "Emmanuel Macron a reçu Olaf Scholz à l'Élysée. « Nous ne céderons pas », a-t-il ajouté plus tard.", "2022-02-08",
			[]string{"Emmanuel Macron|STATE|"}, nil},
		{"fr negation still read with ne", "Le Kremlin n'a pas commenté ces informations.", "2022-02-08",
			nil, []string{"Kremlin|STATE|"}},
		// several sources in one attribution
		{"en according to two states", "Russia has moved more troops to the border, according to Ukraine and the United States.", "2022-01-12",
			[]string{"Ukraine|STATE|", "United States|STATE|"}, nil},
		{"fr selon two capitals", "La Russie a massé des troupes à la frontière, selon Kiev et Washington.", "2022-01-12",
			[]string{"Ukraine|STATE|", "United States|STATE|"}, nil},
		{"fr sources of two states", "La Russie a massé des troupes à la frontière, d'après des sources françaises et allemandes.", "2022-01-12",
			[]string{"sources françaises|STATE|", "sources allemandes|STATE|"}, nil},
		{"en sources of two states", "Russia is massing troops near the border, French and German sources said.", "2022-01-12",
			[]string{"French sources|STATE|", "German sources|STATE|"}, nil},
		{"figures released by someone are no statement", "The war has killed thousands of people, according to tallies released by both sides.", "2020-10-10",
			nil, []string{"|STATE|"}},
		// collective speakers
		{"en both sides after two states", "Armenia and Azerbaijan held talks in Brussels on Sunday. Both sides agreed to continue the talks next month.", "2022-05-23",
			[]string{"Armenia|AGREE|", "Azerbaijan|AGREE|"}, nil},
		{"en the two sides stress", "Russia and Ukraine met in Istanbul. The two sides stressed that the talks had been useful.", "2022-03-29",
			[]string{"Russia|STRESS|", "Ukraine|STRESS|"}, nil},
		{"fr les deux parties conviennent", "L'Arménie et l'Azerbaïdjan ont tenu des pourparlers à Bruxelles. Les deux parties sont convenues de poursuivre le dialogue.", "2022-05-23",
			[]string{"Armenia|AGREE|", "Azerbaijan|AGREE|"}, nil},
		{"fr ministers of two states", "Les ministres des Affaires étrangères de France et d'Allemagne ont appelé Moscou à la retenue.", "2022-01-12",
			[]string{"France|CALL_ON|", "Germany|CALL_ON|"}, nil},
		{"en the two leaders after a meeting, not the aides listed since", "Joe Biden met Xi Jinping in Bali on Monday. Joe Biden was joined by Secretary Janet Yellen and Advisor Jake Sullivan. The two leaders discussed the war in Ukraine.", "2022-11-14",
			[]string{"Joe Biden|DISCUSS|", "Xi Jinping|DISCUSS|"}, []string{"Janet Yellen|DISCUSS|"}},
		// shared views and present voices of several parties are statements
		{"en agreed that", "Joe Biden met Xi Jinping in Bali on Monday. The two leaders agreed that their teams would keep talking.", "2022-11-14",
			[]string{"Joe Biden|AGREE|", "Xi Jinping|AGREE|"}, nil},
		{"fr convenus que", "Emmanuel Macron s'est entretenu avec Joe Biden mercredi. Les deux présidents sont convenus que des consultations auraient été utiles.", "2021-09-22",
			[]string{"Emmanuel Macron|AGREE|", "Joe Biden|AGREE|"}, nil},
		{"en present voice of a memorandum", "Finland and Sweden signed a memorandum with Turkey. The three countries agree to set up a joint mechanism.", "2022-06-28",
			[]string{"Finland|AGREE|", "Sweden|AGREE|"}, nil},
		{"fr past deal stays an event", "L'Arménie et l'Azerbaïdjan sont convenus d'un cessez-le-feu humanitaire.", "2020-10-10",
			nil, []string{"Armenia|AGREE|"}},
		// light verbs with their noun
		{"en raised concerns", "Joe Biden raised concerns about the treatment of minorities.", "2022-11-14",
			[]string{"Joe Biden|EXPRESS_CONCERN|"}, nil},
		{"fr a soulevé des objections", "Le ministre allemand Heiko Maas a soulevé des objections au projet de gazoduc.", "2021-05-20",
			[]string{"Heiko Maas|CRITICIZE|"}, nil},
		{"en raised a company is no speech", "Joe Biden raised taxes on large companies.", "2022-11-14",
			nil, []string{"Joe Biden|STATE|"}},
		// what is proposed is content
		{"fr suggéré que", "Sergueï Lavrov a pour sa part suggéré que l'UE accorde une aide financière à Minsk.", "2021-11-10",
			[]string{"Sergei Lavrov|PROPOSE|"}, []string{"European Union|AGREE|Sergei Lavrov"}},
		{"fr décider", "Le Président de la République Emmanuel Macron a décidé que l'ambassadeur regagnerait Washington.", "2021-09-22",
			[]string{"Emmanuel Macron|STATE|"}, nil},
	}
	runCases(t, tests, checkStatements)
}

// TestElidedWordClassForms checks that a word-class phrase ending in an
// elided word ("lors d'", "pas d'") matches the text's tokens.
func TestElidedWordClassForms(t *testing.T) {
	x := testExtractor(t)
	text := "Il a parlé lors d'un entretien, sans pas d'accord."
	d := newDoc(x.m, &schema.Article{Text: text})
	d.toks = tokenize(text)
	d.sents = splitSentences(text, d.toks)
	d.lang = langFR
	d.matchLayers()
	for _, c := range []struct {
		word  string
		class int
	}{{"lors", wOccasion}, {"pas", wNegDet}} {
		found := false
		for i, tk := range d.toks {
			if tk.f == c.word && d.phraseEnd(i, c.class) == i+2 {
				found = true
			}
		}
		if !found {
			t.Errorf("%q does not open its two-word %s phrase", c.word, classNames[c.class])
		}
	}
}

// TestRecallParticipants covers the participants named around a meeting's
// trigger: coordinated subjects, the party invited, partners after "with",
// and no speaker of an attribution. want lists the participants' names of
// the first event of that type.
func TestRecallParticipants(t *testing.T) {
	tests := []struct {
		name, text, date string
		typ              schema.EventType
		want, not        []string
	}{
		{"en coordinated states met", "Russia and Ukraine met in Istanbul on Tuesday.", "2022-03-29", schema.EventMeeting,
			[]string{"Russia", "Ukraine"}, nil},
		{"en coordinated persons phoned", "Joe Biden and Vladimir Putin spoke by phone on Thursday.", "2021-12-31", schema.EventPhoneCall,
			[]string{"Joe Biden", "Vladimir Putin"}, nil},
		{"en three coordinated states", "Armenia, Azerbaijan and Russia held talks in Moscow.", "2021-01-11", schema.EventNegotiation,
			[]string{"Armenia", "Azerbaijan", "Russia"}, nil},
		{"en invited party", "Joe Biden invited Vladimir Putin to a summit in a third country.", "2021-04-13", schema.EventSummit,
			[]string{"Joe Biden", "Vladimir Putin"}, nil},
		{"fr invited party", "Emmanuel Macron a invité Vladimir Poutine à un sommet à Paris.", "2021-04-13", schema.EventSummit,
			[]string{"Emmanuel Macron", "Vladimir Putin"}, nil},
		{"fr proposed to a party", "Emmanuel Macron a proposé à Volodymyr Zelensky une rencontre à Kiev.", "2022-02-07", schema.EventMeeting,
			[]string{"Emmanuel Macron", "Volodymyr Zelensky"}, nil},
		{"en talks between", "There was a phone call between Emmanuel Macron and Vladimir Putin on Tuesday.", "2022-02-10", schema.EventPhoneCall,
			[]string{"Emmanuel Macron", "Vladimir Putin"}, nil},
		{"fr entretien entre", "Un entretien entre Emmanuel Macron et Vladimir Poutine a eu lieu mardi.", "2022-02-10", schema.EventMeeting,
			[]string{"Emmanuel Macron", "Vladimir Putin"}, nil},
		{"fr s'entretenir avec", "Olaf Scholz s'est entretenu par téléphone avec Joe Biden.", "2022-02-10", schema.EventPhoneCall,
			[]string{"Olaf Scholz", "Joe Biden"}, nil},
		{"en incise speaker takes no part", "The talks, Sergei Lavrov said on Monday, would resume in Geneva.", "2022-01-10", schema.EventNegotiation,
			nil, []string{"Sergei Lavrov"}},
		{"en occasion of a call", "Joe Biden informed Vladimir Putin of the decision during a phone call on Tuesday.", "2021-04-15", schema.EventPhoneCall,
			[]string{"Joe Biden", "Vladimir Putin"}, nil},
		{"fr lors d'un entretien", "Emmanuel Macron a informé Vladimir Poutine de sa décision lors d'un entretien téléphonique mardi.", "2021-06-08", schema.EventPhoneCall,
			[]string{"Emmanuel Macron", "Vladimir Putin"}, nil},
		{"fr conjointement avec", "Jean-Yves Le Drian s'est entretenu avec Sergueï Lavrov, conjointement avec le ministre allemand Heiko Maas.", "2021-06-07", schema.EventNegotiation,
			[]string{"Jean-Yves Le Drian", "Sergei Lavrov", "Heiko Maas"}, nil},
		{"en partner after a place", "Joe Biden met today in Bali, Indonesia, with President Xi Jinping.", "2022-11-14", schema.EventMeeting,
			[]string{"Joe Biden", "Xi Jinping"}, []string{"Indonesia"}},
		{"fr apposition then coordination", "Le ministre des Affaires étrangères, Jean-Yves Le Drian, et Sergueï Lavrov se réuniront à Genève.", "2021-06-07", schema.EventMeeting,
			[]string{"Jean-Yves Le Drian", "Sergei Lavrov"}, nil},
		{"en decided to hold talks", "Armenia and Azerbaijan met in Brussels. Both countries decided to hold new talks.", "2022-05-23", schema.EventNegotiation,
			[]string{"Armenia", "Azerbaijan"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := run(t, tt.text, tt.date)
			n := names(ex)
			var got []string
			found := false
			for _, e := range ex.Events {
				if e.Type != tt.typ {
					continue
				}
				found = true
				for _, p := range e.Participants {
					got = append(got, n[p].Name)
				}
				break
			}
			if !found {
				t.Fatalf("no %s event in %+v", tt.typ, ex.Events)
			}
			sort.Strings(got)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("missing participant %q in %q", w, got)
				}
			}
			for _, w := range tt.not {
				if contains(got, w) {
					t.Errorf("unexpected participant %q in %q", w, got)
				}
			}
		})
	}
}
