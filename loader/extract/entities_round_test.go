package extract

import "testing"

// TestEntitiesRound covers the entity mechanisms of the entities round:
// every UN member state by name, demonym and capital; regions and places
// named by cue nouns; person name variants; bodies named by qualifiers and
// portfolios; local offices. The sentences are written for the test.
// ents lists "Type|form" that must be found, notEnts forms that must not,
// roles "person|role|of".
func TestEntitiesRound(t *testing.T) {
	tests := []struct {
		name, text, date string
		ents, notEnts    []string
		roles            []string
	}{
		{"fr demonym of a state only CLDR knew", "Le président tchadien Idriss Adoum Kallo a reçu une délégation marocaine à N'Djamena.", "2023-03-02",
			[]string{"State|tchadien", "State|marocaine", "Place|N'Djamena", "Person|Idriss Adoum Kallo"}, nil,
			[]string{"Idriss Adoum Kallo|president|Chad"}},
		{"en short and formal names of Korea", "The Republic of Korea and the DPRK exchanged messages; officials in Seoul said the ROK would reply.", "2023-03-02",
			[]string{"State|Republic of Korea", "State|ROK", "State|DPRK"}, []string{"Organization|ROK"}, nil},
		{"en Palestine and its demonym", "Palestinian officials said the State of Palestine would seek full membership.", "2023-03-02",
			[]string{"State|Palestinian", "State|State of Palestine"}, nil, nil},
		{"regions and their demonyms", "The Chechen leader Aslan Bekov said his forces were ready. Tensions rose in the Taiwan Strait and on the Korean Peninsula.", "2023-06-24",
			[]string{"Place|Chechen", "Place|Taiwan Strait", "Place|Korean Peninsula"}, []string{"State|Taiwan"},
			[]string{"Aslan Bekov|leader|Chechnya"}},
		{"fr places named by cue nouns", "Des tirs ont visé la centrale de Krivograd et le poste-frontière de Bel Ouarda, près du gazoduc sous-marin Transmed.", "2023-06-24",
			[]string{"Place|Krivograd", "Place|centrale de Krivograd", "Place|Bel Ouarda", "Place|Transmed"}, nil, nil},
		{"en place before a cue noun", "Drones struck the Tavrin bridge overnight, officials said.", "2023-06-24",
			[]string{"Place|Tavrin bridge"}, nil, nil},
		{"given name before a lexicon surname", "Turkish President Tayyip Erdogan telephoned Putin on Saturday.", "2023-06-24",
			[]string{"Person|Tayyip Erdogan"}, []string{"Person|Tayyip"}, []string{"Recep Tayyip Erdogan|president|Turkey"}},
		{"family name first, in capitals, then alone", "Mr. TANAKA Hiroshi, Minister of Justice of Japan, met Mr. PARK Min-ho. Minister Tanaka welcomed the visit.", "2023-03-16",
			[]string{"Person|TANAKA Hiroshi"}, []string{"Person|Tanaka"}, nil},
		{"a qualifier before a lexicon body names another body", "Le Haut Conseil de sécurité s'est réuni dimanche. The National Security Council met on Monday.", "2023-03-16",
			[]string{"Organization|Haut Conseil de sécurité", "Organization|National Security Council"}, []string{"Organization|Conseil de sécurité"}, nil},
		{"en body with a list of portfolios", "The Ministry of Economy, Trade and Industry lifted the measures.", "2023-03-16",
			[]string{"Organization|Ministry of Economy, Trade and Industry"}, []string{"Person|Industry"}, nil},
		{"fr ministry by its portfolio", "À Rabat, le ministère des Affaires étrangères a regretté une décision injustifiée.", "2021-08-25",
			[]string{"Organization|ministère des Affaires étrangères"}, nil, nil},
		{"mayor of a capital holds the city's office", "In Moscow, Mayor Pavel Orlov urged residents to stay home. Kyiv's mayor Ivan Sirko also spoke.", "2023-06-24",
			[]string{"Place|Moscow"}, nil, []string{"Pavel Orlov|mayor|Moscow", "Ivan Sirko|mayor|Kyiv"}},
		{"founder of a known group", "Dmitri Volkov, the founder of the Wagner group, left for Belarus.", "2023-06-24",
			[]string{"Person|Dmitri Volkov"}, nil, []string{"Dmitri Volkov|founder|Wagner Group"}},
		{"a body inside an agreement's name", "Il a dénoncé une violation de la Charte des Nations unies.", "2023-04-06",
			[]string{"Agreement|Charte des Nations unies", "Organization|Nations unies"}, nil, nil},
		{"names listed after a person", "The ministers, Mevlüt Çavuşoğlu, Tarja Lindqvist and Sven Aberg, signed the text.", "2022-06-28",
			[]string{"Person|Tarja Lindqvist", "Person|Sven Aberg"}, nil, nil},
		{"a host city before a summit is a place", "Leaders will meet at the Madrid Summit next week.", "2022-06-20",
			[]string{"Place|Madrid"}, []string{"State|Madrid"}, nil},
		{"regional organizations", "La Ligue arabe et l'Union africaine ont appelé au calme. ECOWAS and the Gulf Cooperation Council agreed.", "2023-07-31",
			[]string{"Organization|Ligue arabe", "Organization|Union africaine", "Organization|ECOWAS", "Organization|Gulf Cooperation Council"}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := run(t, tc.text, tc.date)
			checkEntities(t, ex, tc.ents, nil)
			checkEntitiesNotNamed(t, ex, tc.notEnts)
			checkRoles(t, ex, tc.roles, nil)
		})
	}
}
