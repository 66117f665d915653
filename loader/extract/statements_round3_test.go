package extract

import "testing"

// TestStatementsRound3 covers the third statements round: absolute
// participle clauses after an apposed name, "dans la bouche de" / "in the
// words of" speakers, anaphoric organization nouns (the bloc, l'alliance),
// "the leaders" of a call told in the same sentence and a second "and that"
// complement, an office and name read as one mention inside a participle
// clause, accusations named in a criticism, a speaker's own future as an
// intent, the noun heading a stated object, press statements with a byline,
// quoted bodies and reported states as no antecedents, and "appeler" that
// only names. The texts are written for the test; want/not list
// "speaker|act|source" (a "|ACT|" entry in not matches any speaker).
func TestStatementsRound3(t *testing.T) {
	tests := []struct {
		name, text, date string
		want, not        []string
	}{
		{"French absolute participle after an apposed office and name",
			"L'Union européenne a condamné l'attaque, son chef de la diplomatie, Josep Borrell, affirmant que Moscou en portait la responsabilité.", "2022-03-01",
			[]string{"European Union|CRITICIZE|", "Josep Borrell|STATE|"}, []string{"European Union|STATE|"}},
		{"English absolute participle after an apposed office and name",
			"Russia rejected the proposal, its foreign minister, Sergei Lavrov, saying that the plan was a trap.", "2022-03-01",
			[]string{"Russia|REJECT|", "Sergei Lavrov|STATE|"}, []string{"Russia|STATE|"}},
		{"a bare name opens an absolute participle",
			"Moscow dismissed the offer, Lavrov saying it came too late.", "2022-03-01",
			[]string{"Sergei Lavrov|STATE|"}, nil},
		{"a phrase apposed to the object is no absolute subject",
			"Emmanuel Macron a reçu Volodymyr Zelensky, le président ukrainien, assurant qu'il continuerait à soutenir Kiev.", "2022-03-01",
			[]string{"Emmanuel Macron|EXPRESS_INTENT|"}, []string{"Volodymyr Zelensky|EXPRESS_INTENT|"}},
		{"dans la bouche du ministre",
			"Dans la bouche du ministre Sergueï Lavrov, la proposition américaine n'est qu'une provocation.", "2022-03-01",
			[]string{"Sergei Lavrov|CRITICIZE|"}, nil},
		{"in the words of",
			"In the words of Josep Borrell, Europe must learn the language of power.", "2022-03-01",
			[]string{"Josep Borrell|"}, nil},
		{"pour reprendre les mots de",
			"Pour reprendre les mots d'Antonio Guterres, le monde est au bord du gouffre.", "2022-03-01",
			[]string{"Antonio Guterres|STATE|"}, nil},
		{"the bloc is the union named before",
			"EU foreign ministers met in Brussels with NATO officials. The bloc said it would impose new sanctions on Moscow.", "2022-03-01",
			[]string{"European Union|EXPRESS_INTENT|"}, []string{"NATO|EXPRESS_INTENT|"}},
		{"l'alliance is the treaty organization named before",
			"L'Union européenne et l'OTAN ont tenu des réunions à Bruxelles. L'alliance a averti la Russie contre toute escalade.", "2022-03-01",
			[]string{"NATO|WARN|"}, []string{"European Union|WARN|"}},
		{"the organization is the latest international body",
			"The United Nations convened an emergency session. The organization said it was alarmed by the fighting.", "2022-03-01",
			[]string{"United Nations|EXPRESS_CONCERN|"}, nil},
		{"the leaders of a call told in the same report",
			"The White House said Joe Biden had spoken with Emmanuel Macron and Olaf Scholz, and that the leaders had affirmed their support for Ukraine.", "2022-03-01",
			[]string{"White House|STATE|", "Joe Biden|EXPRESS_SUPPORT|White House", "Emmanuel Macron|EXPRESS_SUPPORT|White House", "Olaf Scholz|EXPRESS_SUPPORT|White House"}, nil},
		{"les dirigeants after a call, French",
			"L'Élysée a indiqué qu'Emmanuel Macron s'était entretenu avec Olaf Scholz et Joe Biden, et que les dirigeants avaient réaffirmé leur soutien à l'Ukraine.", "2022-03-01",
			[]string{"Emmanuel Macron||Élysée", "Joe Biden||Élysée", "Olaf Scholz||Élysée"}, nil},
		{"an office and name read as one mention inside a participle clause",
			"Le Haut Conseil de sécurité, réuni sous la présidence du chef de l'État, Abdelmadjid Tebboune, avait annoncé la révision des relations avec le Maroc.", "2021-08-25",
			[]string{"Haut Conseil de sécurité|STATE|"}, []string{"Abdelmadjid Tebboune|STATE|"}},
		{"a criticism naming a betrayal accuses",
			"Moscow denounced the move as a betrayal of earlier promises.", "2022-03-01",
			[]string{"Russia|ACCUSE|"}, nil},
		{"qualifié de trahison accuses",
			"Le président Volodymyr Zelensky a qualifié de trahison l'accord signé par Minsk.", "2022-03-01",
			[]string{"Volodymyr Zelensky|ACCUSE|"}, nil},
		{"the speaker's own future is an intent",
			"Nikol Pashinyan said he would not sign any document that harmed Armenia.", "2023-03-01",
			[]string{"Nikol Pashinyan|EXPRESS_INTENT|"}, nil},
		{"the speaker's own state's future is an intent, French",
			"Le ministre chinois Wang Yi a assuré que Pékin continuerait à jouer un rôle constructif.", "2023-03-01",
			[]string{"Wang Yi|EXPRESS_INTENT|"}, nil},
		{"another party's future stays a statement",
			"Antony Blinken said Russia would face isolation.", "2023-03-01",
			nil, []string{"|EXPRESS_INTENT|"}},
		{"the noun heading a stated object",
			"Türkiye confirmed its long-standing support for the open door policy. Joe Biden explained his determination to end the war.", "2023-03-01",
			[]string{"Turkey|EXPRESS_SUPPORT|", "Joe Biden|EXPRESS_INTENT|"}, nil},
		{"a press statement with a byline speaks for its author",
			"Press Statement: Elections in Ruritania\n\nAntony J. Blinken, Secretary of State\n\nWe commend the efforts of our partners in the region. The United States is deeply concerned by the wave of arrests.", "2024-08-01",
			[]string{"Antony Blinken|EXPRESS_SUPPORT|", "Antony Blinken|EXPRESS_CONCERN|"}, []string{"United States|EXPRESS_CONCERN|"}},
		{"a quoted body is no antecedent of the incise",
			"Le porte-parole Wang Wenbin a tenu sa conférence de presse. « Le gouvernement japonais a fait passer ses intérêts avant tout », a-t-il déclaré. Il a exhorté Tokyo à revenir sur sa décision.", "2023-08-24",
			[]string{"Wang Wenbin|CALL_ON|"}, []string{"Japon|CALL_ON|", "Japan|CALL_ON|"}},
		{"a state inside a person's report is no antecedent",
			"Le porte-parole Wang Wenbin a affirmé que le navire devait être remorqué, comme les Philippines s'y étaient engagées. Il a accusé les États-Unis d'encourager Manille.", "2023-08-24",
			[]string{"Wang Wenbin|ACCUSE|"}, []string{"Philippines|ACCUSE|"}},
		{"appeler that only names",
			"Les garde-côtes philippins ont ravitaillé le récif, que Pékin appelle Ren'ai Jiao.", "2023-08-24",
			nil, []string{"|CALL_ON|"}},
		{"a person reporting her own state's stance states it",
			"U.S. Ambassador Linda Thomas-Greenfield said Washington fully supported the objectives of the text.", "2024-03-25",
			[]string{"Linda Thomas-Greenfield|EXPRESS_SUPPORT|"}, []string{"United States|EXPRESS_SUPPORT|Linda Thomas-Greenfield"}},
		{"the opening person of a sentence without a person subject is the antecedent",
			"China's envoy, Zhang Jun, insisted that the resolution was binding. Russia's ambassador, Vassily Nebenzia, voted in favour even though the Council rejected an amendment. He accused Washington of hypocrisy.", "2024-03-25",
			[]string{"Vassily Nebenzia|ACCUSE|"}, []string{"Zhang Jun|ACCUSE|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkStatements(t, run(t, tt.text, tt.date), tt.want, tt.not)
		})
	}
}
