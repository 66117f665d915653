package extract

import "testing"

// TestEntitiesRound3 covers capitals read by their context (a recipient
// after a governing word, a part of the city, datelines of several places),
// capitalised common nouns after a locative, juntas read as the ruling body
// the article names, agreements named by a hyphenated pair of parties, and
// bodies and agreements of the news lexicon. The sentences are written for
// the test; roles are "person|role|of".
func TestEntitiesRound3(t *testing.T) {
	tests := []struct {
		name, text, date string
		ents, notEnts    []string
		roles            []string
	}{
		{"fr a capital after a word governing à is the state", "Des slogans hostiles à Paris ont été scandés. Lavrov a suggéré que l'UE accorde à Minsk une aide.", "2021-11-16",
			[]string{"State|Paris", "State|Minsk"}, []string{"Place|Paris", "Place|Minsk"}, nil},
		{"fr a capital where something happens stays a place", "Les ministres se sont réunis à Bruxelles. Il a été soigné dans un hôpital de Berlin, au nord de Moscou.", "2021-11-16",
			[]string{"Place|Bruxelles", "Place|Berlin", "Place|Moscou"}, nil, nil},
		{"en a dateline of two places", "MOSCOW/YEREVAN — Armenia and Azerbaijan signed a deal on Tuesday.", "2020-11-10",
			[]string{"Place|MOSCOW", "Place|YEREVAN"}, nil, nil},
		{"fr a communiqué's line of places before its date", "Communiqué conjoint\n\nParis et Berlin, le 18 mai 2020\n\nLa France et l'Allemagne proposent un fonds de relance.", "2020-05-18",
			[]string{"Place|Paris", "Place|Berlin"}, nil, nil},
		{"capitalised common nouns after a locative name no place", "La protection des ambassades incombe à l'État hôte. La liste a paru au Journal officiel. Israel wants ties in the Arab and Muslim world.", "2023-08-01",
			nil, []string{"Place|État", "Place|Journal", "Place|Arab"}, nil},
		{"fr the junta is the ruling body the article names", "Le porte-parole de la junte, le colonel-major Amadou Abdramane, a accusé la Cédéao. Le général Tiani s'est proclamé à la tête du Conseil national pour la sauvegarde de la patrie (CNSP).", "2023-08-01",
			[]string{"Organization|junte"}, nil, []string{"Amadou Abdramane|spokesperson|CNSP"}},
		{"no junta body named: no junta entity", "La junte a fermé les frontières.", "2023-08-01",
			nil, []string{"Organization|junte"}, nil},
		{"en agreements named by a pair of parties", "Both leaders upheld the Japan-Republic of Korea Joint Declaration of 1998, the Israel-Jordan peace treaty and the US-Taliban Agreement.", "2023-03-16",
			[]string{"Agreement|Japan-Republic of Korea Joint Declaration", "Agreement|Israel-Jordan peace treaty", "Agreement|US-Taliban Agreement"},
			[]string{"Agreement|Korea Joint Declaration"}, nil},
		{"fr an agreement named by a pair after its noun", "Bruxelles menace de suspendre l'accord UE-Turquie sur les migrants.", "2020-03-01",
			[]string{"Agreement|accord UE-Turquie"}, nil, nil},
		{"a plan's capitalised head names an agreement", "Israel will suspend its plans in the areas identified in the President's Vision for Peace.", "2020-08-13",
			[]string{"Agreement|Vision for Peace"}, []string{"Place|Vision for Peace"}, nil},
		{"news lexicon bodies and agreements", "Analysts at the IISS and Chatham House said the JCPOA and the OSCE Minsk Group had failed, according to Al Jazeera and Tasnim.", "2020-11-10",
			[]string{"Organization|IISS", "Organization|Chatham House", "Agreement|JCPOA", "Organization|OSCE Minsk Group", "Organization|Al Jazeera", "Organization|Tasnim"},
			[]string{"Organization|OSCE"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := run(t, tc.text, tc.date)
			checkEntities(t, ex, tc.ents, tc.notEnts)
			checkRoles(t, ex, tc.roles, nil)
		})
	}
}
