package extract

import (
	"testing"

	"github.com/newsgraph/kg/schema"
)

// TestStatementsRound4 covers the fourth statements round: a media
// descriptor before a closing source ("…, state broadcaster X reported"),
// "according to X" over a speaker reporting his own state's stance, a
// named person's staff ("X's office said"), a relative clause after a list
// of names, English "it" for the body that spoke last, incise-only verbs
// ("», a lancé X") and the quoted refusal they carry, "se contenter de
// dire", "en revanche" between auxiliary and participle, congratulations
// presented or sent, "envisager de", "le pouvoir" as the state in focus,
// a state's media as one source, a capital that is a first name, the
// person apposed to a title that names nobody, and a French adjective
// after its noun read as no light verb.
// The texts are written for the test; want/not list "speaker|act|source".
func TestStatementsRound4(t *testing.T) {
	tests := []sentenceCase{
		{"a media descriptor before a closing source",
			"Prime Minister Li Qiang met the visiting delegation on Monday. Li Qiang rejected the claim that subsidies were distorting markets, warning the visitors against protectionism, state broadcaster CCTV reported.", "2024-05-10",
			[]string{"Li Qiang|REJECT|CCTV", "Li Qiang|WARN|CCTV"}, []string{"CCTV|STATE|"}},
		{"according to a news agency, the speaker reports his own state",
			"Chinese President Xi Jinping spoke with the German chancellor on Tuesday. According to Xinhua, Xi said that China was ready to deepen trade ties with Germany.", "2024-04-16",
			[]string{"Xi Jinping|EXPRESS_INTENT|Xinhua"}, nil},
		{"a state's media as one source",
			"Chinese state media reported that President Xi Jinping had told his guest that both countries should work together on climate.", "2024-04-16",
			[]string{"Xi Jinping|CALL_ON|Chinese state media"}, nil},
		{"a named person's office speaks for that person",
			"Israeli Prime Minister Benjamin Netanyahu flew to Washington on Sunday. Netanyahu's office said the meeting had been productive.", "2024-07-22",
			[]string{"Benjamin Netanyahu|STATE|"}, nil},
		{"a relative clause after a list of states",
			"Brazil, Colombia and Mexico, who have called on both camps to resume talks, said they were willing to mediate.", "2024-08-10",
			[]string{"Brazil|CALL_ON|", "Colombia|CALL_ON|", "Mexico|CALL_ON|"}, nil},
		{"English it for the body that spoke last",
			"Turkey's foreign ministry rejected the resolution. The ministry said the text had no legal basis. It called on Washington to reverse what it described as a grave error.", "2021-04-25",
			[]string{"Turkey's foreign ministry|CALL_ON|"}, nil},
		{"it before a passive is nobody",
			"Turkey's foreign ministry rejected the resolution. It was expected that the talks would resume.", "2021-04-25",
			nil, []string{"Turkey's foreign ministry|EXPRESS_INTENT|"}},
		{"an incise-only verb and the quoted refusal it carries",
			"L'opposition conteste les résultats. « Nous ne reconnaîtrons jamais ce scrutin truqué », a lancé Tina Bokoutchava, présidente du Mouvement national uni.", "2024-10-27",
			[]string{"Tina Bokoutchava|REJECT|"}, nil},
		{"lancer outside an incise launches something",
			"Le gouvernement russe a lancé une nouvelle offensive dans l'est du pays.", "2024-10-27",
			nil, []string{"Russia|STATE|"}},
		{"se contenter de dire",
			"Interrogé sur les négociations, le porte-parole du Kremlin Dmitri Peskov s'est contenté de dire que Moscou restait ouvert au dialogue.", "2024-03-05",
			[]string{"Dmitry Peskov|STATE|"}, nil},
		{"en revanche between auxiliary and participle",
			"Le Premier ministre hongrois, Viktor Orbán, a en revanche félicité le parti au pouvoir pour sa victoire.", "2024-10-27",
			[]string{"Viktor Orbán|EXPRESS_SUPPORT|"}, nil},
		{"congratulations presented",
			"Emmanuel Macron s'est entretenu avec le président iranien Massoud Pezeshkian. Il lui a présenté ses félicitations pour son élection.", "2024-08-12",
			[]string{"Emmanuel Macron|EXPRESS_SUPPORT|"}, nil},
		{"congratulations sent",
			"Chancellor Olaf Scholz sent his congratulations to the new Polish prime minister on Friday.", "2023-12-15",
			[]string{"Olaf Scholz|EXPRESS_SUPPORT|"}, nil},
		{"présenter without a cue noun says nothing",
			"Le ministre de l'Économie Bruno Le Maire a présenté le budget mardi.", "2023-09-27",
			nil, []string{"Bruno Le Maire|STATE|"}},
		{"envisager de",
			"Le Bélarus est visé par de nouvelles sanctions. Minsk envisage de suspendre sa participation au programme européen.", "2021-05-28",
			[]string{"Belarus|EXPRESS_INTENT|"}, nil},
		{"le pouvoir is the state in focus",
			"Le Bélarus a détourné un avion de ligne. Les Vingt-Sept ont condamné le Bélarus. Le pouvoir a par ailleurs nié toute responsabilité dans le détournement.", "2021-05-25",
			[]string{"Belarus|DENY|"}, nil},
		{"le pouvoir d'achat is no state",
			"La Hongrie et la Pologne ont voté contre le texte. La Hongrie dénonce la hausse des prix. Le pouvoir d'achat a baissé de deux pour cent.", "2022-05-25",
			nil, []string{"Hungary|STATE|"}},
		{"the person apposed to a title that names nobody is the next antecedent",
			"Le Premier ministre Irakli Kobakhidzé a rejeté les critiques. Le fondateur du parti au pouvoir, le milliardaire Bidzina Ivanichvili, apparaît comme le grand vainqueur. Il a accusé l'Occident de vouloir entraîner le pays dans la guerre.", "2024-10-28",
			[]string{"Bidzina Ivanichvili|ACCUSE|"}, []string{"Irakli Kobakhidzé|ACCUSE|"}},
		{"an adjective after its noun is no light verb with a subject",
			"Le Conseil européen condamne la guerre que la Russie mène contre l'Ukraine, qui constitue une violation manifeste du droit international. Il réaffirme son soutien à l'Ukraine.", "2023-12-15",
			[]string{"European Council|CRITICIZE|"}, []string{"Russia|"}},
		{"a capital that is a first name opens a person's name",
			"The Security Council voted on Monday. Palestinian envoy Riyad Mansour said the vote had come far too late.", "2024-03-25",
			[]string{"Riyad Mansour|"}, []string{"Saudi Arabia|"}},
	}
	runCases(t, tests, checkStatementsAnySource)
}

// TestPersonNamesRound4 covers the person names this round reads: a noun
// for a kind of person before unknown names, a first name before a
// capital, and a capital that is a first name. Our own sentences.
func TestPersonNamesRound4(t *testing.T) {
	// "Name|Type"
	tests := []sentenceCase{
		{"a kind of person before two names",
			"Le milliardaire Bidzina Ivanichvili a voté dimanche à Tbilissi.", "2024-10-27",
			[]string{"Bidzina Ivanichvili|Person"}, nil},
		{"a kind of person with a demonym",
			"La chercheuse française Cécile Kohler est détenue depuis deux ans.", "2024-08-12",
			[]string{"Cécile Kohler|Person"}, nil},
		{"a first name before a capital",
			"Le président a évoqué le sort de Jacques Paris, incarcéré depuis mai 2022.", "2024-08-12",
			[]string{"Jacques Paris|Person"}, []string{"France|State"}},
		{"a capital that is a first name",
			"Palestinian envoy Riyad Mansour addressed the Council.", "2024-03-25",
			[]string{"Riyad Mansour|Person"}, []string{"Saudi Arabia|State"}},
		{"a capital alone stays a place",
			"The delegation flew to Riyad on Monday.", "2024-03-25",
			[]string{"Riyad|Place"}, nil},
	}
	runCases(t, tests, checkEntityNames)
}

// TestReportedReadinessKeepsItsContent: a report of one's own side's
// readiness is an intent whose content is the whole reported clause, not
// what follows the adjective ("for talks").
func TestReportedReadinessKeepsItsContent(t *testing.T) {
	tests := []struct{ text, speaker, content string }{
		{"Sergei Lavrov said Russia was ready for talks.", "Sergei Lavrov", "Russia was ready for talks"},
		{"Volodymyr Zelensky said that Kyiv was ready to discuss sanctions.", "Volodymyr Zelensky", "Kyiv was ready to discuss sanctions"},
	}
	for _, tc := range tests {
		ex := run(t, tc.text, "2019-10-23")
		n := names(ex)
		found := false
		for _, st := range ex.Statements {
			if n[st.Speaker].Name == tc.speaker {
				found = true
				if st.Act != schema.ActExpressIntent || st.Content != tc.content {
					t.Errorf("%q: %s %q; want EXPRESS_INTENT %q", tc.text, st.Act, st.Content, tc.content)
				}
			}
		}
		if !found {
			t.Errorf("%q: no statement by %s", tc.text, tc.speaker)
		}
	}
}
