package extract

import "testing"

// TestLexRoleHeldAt checks the term of an office at a year-precise and a
// month-precise article date.
func TestLexRoleHeldAt(t *testing.T) {
	r := LexRole{Role: "prime minister", Of: "United Kingdom", From: 2019, FromMonth: 7, To: 2022, ToMonth: 9}
	tests := []struct {
		year, month int
		want        bool
	}{
		{2018, 0, false}, {2019, 0, true}, {2019, 6, false}, {2019, 7, true},
		{2021, 3, true}, {2022, 9, true}, {2022, 10, false}, {2022, 0, true}, {2023, 1, false},
	}
	for _, tc := range tests {
		if got := r.heldAt(tc.year, tc.month); got != tc.want {
			t.Errorf("heldAt(%d, %d) = %v, want %v", tc.year, tc.month, got, tc.want)
		}
	}
	open := LexRole{Role: "president", Of: "France", From: 2017, FromMonth: 5}
	if open.heldAt(2017, 4) || !open.heldAt(2017, 5) || !open.heldAt(2030, 1) {
		t.Error("an open term holds from its first month on")
	}
	if a, b := (LexRole{From: 2022, FromMonth: 9}).start(), (LexRole{From: 2022, FromMonth: 10}).start(); a >= b {
		t.Errorf("start orders months: %d >= %d", a, b)
	}
}

// TestEntitiesRound2 covers the office holders of the lexicon (who held an
// office at the article's month), offices named with a title in another
// form, and lower-case bodies and groups. The sentences are written for the
// test; roles and notRoles are "person|role|of".
func TestEntitiesRound2(t *testing.T) {
	tests := []struct {
		name, text, date string
		ents, notEnts    []string
		roles, notRoles  []string
	}{
		{"holder at the article's month (summer)", "Le Premier ministre britannique a appelé à la retenue.", "2022-08-10",
			nil, nil, []string{"Boris Johnson|prime minister|United Kingdom"}, nil},
		{"holder at the article's month (autumn)", "Le Premier ministre britannique a appelé à la retenue.", "2022-11-10",
			nil, nil, []string{"Rishi Sunak|prime minister|United Kingdom"}, []string{"Boris Johnson|prime minister|United Kingdom"}},
		{"named holders of another state take their lexicon office", "Turkish Foreign Minister Mevlut Cavusoglu met Pekka Haavisto and Ann Linde; Finland and Sweden hope to join soon.", "2022-06-28",
			[]string{"Person|Pekka Haavisto", "Person|Ann Linde"}, nil,
			[]string{"Mevlut Cavusoglu|foreign minister|Turkey", "Pekka Haavisto|foreign minister|Finland", "Ann Linde|foreign minister|Sweden"}, nil},
		{"fr transliterations", "Le ministre iranien des Affaires étrangères, Hossein Amir-Abdollahian, a reçu Fayçal ben Farhane, son homologue saoudien.", "2023-04-06",
			[]string{"Person|Fayçal ben Farhane"}, nil,
			[]string{"Hossein Amir-Abdollahian|foreign minister|Iran", "Faisal bin Farhan|foreign minister|Saudi Arabia"}, nil},
		{"a king named with his title", "Le roi Mohammed VI a adressé un message de félicitations au peuple marocain.", "2021-11-06",
			[]string{"Person|Mohammed VI"}, nil, []string{"Mohammed VI|king|Morocco"}, nil},
		{"a ranked name after the comma of an office", "Le ministre qatari des Affaires étrangères, le cheikh Hamad ben Nasser, a reçu son homologue.", "2023-03-10",
			[]string{"Person|Hamad ben Nasser"}, nil, []string{"Hamad ben Nasser|foreign minister|Qatar"}, nil},
		{"a crown prince of an emirate and a second office", "Sheikh Hamdan bin Rashid, Crown Prince of Abu Dhabi and Deputy Chairman of the Abu Dhabi Executive Council, received the delegation.", "2020-08-13",
			[]string{"Place|Abu Dhabi"}, nil, []string{"Hamdan bin Rashid|crown prince|Abu Dhabi", "Hamdan bin Rashid|chairperson|Abu Dhabi Executive Council"},
			[]string{"Hamdan bin Rashid|crown prince|United Arab Emirates"}},
		{"fr a body named short between an office and its holder", "La présidente de la Commission, Ursula von der Leyen, a salué l'accord.", "2021-06-10",
			[]string{"Organization|la Commission"}, nil, []string{"Ursula von der Leyen|president|European Commission"}, nil},
		{"en a body named short before an office", "Foreign Ministry spokesperson Mao Ning told reporters that Beijing would respond.", "2023-05-10",
			[]string{"Organization|Foreign Ministry"}, nil, []string{"Mao Ning|spokesperson|Chinese Ministry of Foreign Affairs"}, nil},
		{"a minister is a state's, not a body's", "À Belgrade, le Premier ministre serbe Goran Ilic a critiqué la mission de l'ONU. Son ministre de la Défense, Marko Lukic, a démenti toute provocation.", "2022-12-27",
			nil, nil, []string{"Marko Lukic|defence minister|Serbia"}, []string{"Marko Lukic|defence minister|United Nations"}},
		{"press services", "According to Erdogan's press service, the talks lasted two hours. The Kazakh presidential press service published a photograph.", "2023-06-24",
			[]string{"Organization|Erdogan's press service", "Organization|Kazakh presidential press service"}, nil, nil, nil},
		{"fr lower-case guard and a group qualified by another", "Le général Issa Kone, chef de la garde présidentielle, a pris le pouvoir. Des milliers de partisans des putschistes ont défilé à Bamako.", "2023-08-01",
			[]string{"Organization|garde présidentielle", "Organization|partisans des putschistes"}, nil,
			[]string{"Issa Kone|leader|garde présidentielle"}, nil},
		{"a stance is no group", "Both governments reaffirmed their opposition to any use of force. Les deux pays ont rappelé leur opposition à toute annexion.", "2023-04-06",
			nil, []string{"Organization|opposition"}, nil, nil},
		{"military districts and fleets", "Troops of the Southern Military District and ships of the Black Sea Fleet took part in the drills.", "2021-04-20",
			[]string{"Organization|Southern Military District", "Organization|Black Sea Fleet"}, []string{"Place|Black Sea"}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := run(t, tc.text, tc.date)
			checkEntities(t, ex, tc.ents, tc.notEnts)
			checkRoles(t, ex, tc.roles, tc.notRoles)
		})
	}
}
