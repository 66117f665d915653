package extract

import "testing"

// TestEventsRound covers the event nouns and verbs of general news added
// in this round: coups and detentions, suspensions of aid, gatherings,
// attacks and threatened interventions, truces and normalisation, polls,
// trips, hosted meals, recalled envoys, troop withdrawals, leaders'
// summits, definite nouns pinned down by a relative clause, and the
// status of "sans exclure" and of a quantified object. Each case names
// an event as "TYPE|status|cue" (status or cue may be empty to skip the
// check) and events that must not be read. The sentences are written for
// the test.
func TestEventsRound(t *testing.T) {
	tests := []sentenceCase{
		{"en a coup", "Soldiers seized power in the capital on Wednesday.", "2024-03-14",
			[]string{"OTHER|occurred|seized power"}, nil},
		{"fr a president overthrown", "Les militaires ont renversé mardi le président.", "2024-03-14",
			[]string{"OTHER|occurred|ont renversé"}, nil},
		{"fr house arrest", "Le chef de l'État est depuis en résidence surveillée.", "2024-03-14",
			[]string{"OTHER|occurred|résidence surveillée"}, nil},
		{"fr du coup is no coup", "Du coup, le gouvernement a reporté sa décision.", "2024-03-14",
			nil, []string{"OTHER"}},
		{"fr aid suspended is a sanction, toute is no modality", "Paris a suspendu samedi toute son aide au développement au Niger.", "2023-08-01",
			[]string{"SANCTION|occurred|suspendu"}, nil},
		{"en imports halted", "Beijing suspended all imports of seafood from Japan.", "2023-08-25",
			[]string{"SANCTION|occurred|suspended"}, nil},
		{"a suspended meeting is no sanction", "The meeting was suspended for an hour.", "2023-08-25",
			nil, []string{"SANCTION"}},
		{"fr supporters gathered", "Des milliers de partisans se sont rassemblés devant le Parlement.", "2023-08-01",
			[]string{"PROTEST|occurred|se sont rassemblés"}, nil},
		{"en attacked", "The rebels attacked a convoy near the border on Monday.", "2024-03-14",
			[]string{"ATTACK|occurred|attacked"}, nil},
		{"en ships targeted", "The group said it would keep targeting ships in the Red Sea.", "2024-01-12",
			[]string{"ATTACK||targeting"}, nil},
		{"fr sans exclure keeps a possible intervention", "Les dirigeants ont donné une semaine aux militaires, sans exclure le recours à la force.", "2023-08-01",
			[]string{"ATTACK|possible|recours à la force"}, nil},
		{"fr n'exclut pas keeps a possible intervention", "La Cédéao n'exclut pas une intervention militaire au Niger.", "2023-08-01",
			[]string{"ATTACK|possible|intervention militaire"}, nil},
		{"en not ruling out strikes", "Washington does not rule out strikes on the group.", "2024-01-12",
			[]string{"ATTACK|possible|strikes"}, nil},
		{"en a truce", "A fragile truce has held since 2022.", "2024-01-12",
			[]string{"AGREEMENT|occurred|truce"}, nil},
		{"fr normalisation of relations", "Il a dénoncé la normalisation des relations entre le Maroc et Israël.", "2021-08-24",
			[]string{"AGREEMENT|occurred|normalisation des relations"}, nil},
		{"en went to the polls", "Voters went to the polls on Sunday.", "2024-07-30",
			[]string{"ELECTION|occurred|went to the polls"}, nil},
		{"fr a re-election", "L'opposition conteste la réélection du président.", "2020-08-12",
			[]string{"ELECTION|occurred|réélection"}, nil},
		{"en will travel to", "The foreign minister will travel to Beijing next week.", "2023-11-16",
			[]string{"VISIT|planned|will travel to"}, nil},
		{"en a dinner hosted by a leader", "The visit ended with a dinner hosted by Prime Minister Kishida.", "2023-03-16",
			[]string{"MEETING|occurred|dinner"}, nil},
		{"fr an ambassador recalled", "Le gouvernement a rappelé son ambassadeur pour consultations.", "2021-09-17",
			[]string{"OTHER|occurred|rappelé"}, nil},
		{"en a troop withdrawal", "The withdrawal of Russian troops began on Monday.", "2024-03-14",
			[]string{"OTHER|occurred|withdrawal"}, nil},
		{"fr diplomatic relations broken", "L'Algérie rompt ses relations diplomatiques avec le Maroc.", "2021-08-24",
			[]string{"OTHER|occurred|rompt"}, nil},
		{"fr heads of state and government meet in a summit", "Réunis à Bruxelles, les chefs d'État et de gouvernement de l'Union européenne ont adopté des conclusions.", "2023-12-14",
			[]string{"SUMMIT|occurred|"}, []string{"MEETING"}},
		{"fr two heads of state hold a meeting", "Les deux chefs d'État se sont réunis à Pékin.", "2023-04-06",
			[]string{"MEETING|occurred|"}, []string{"SUMMIT"}},
		{"en an arrangement brokered", "The arrangement, brokered by the United Nations and Turkey in July 2022, let ships sail.", "2023-07-17",
			[]string{"AGREEMENT|occurred|brokered"}, nil},
		{"fr reaching an agreement", "Les dirigeants veulent parvenir à un accord avant l'été.", "2020-05-18",
			[]string{"AGREEMENT||parvenir"}, nil},
		{"fr ministers met on a weekday", "Réunis lundi à Bruxelles, les ministres des Affaires étrangères ont élargi le cadre des sanctions.", "2021-11-16",
			[]string{"MEETING|occurred|"}, nil},
		{"en a definite attack pinned down by a relative clause", "Russia blamed Kyiv for an attack on the bridge. Moscow cited the attack that damaged the bridge hours earlier.", "2023-07-17",
			[]string{"ATTACK|occurred|attack"}, nil},
	}
	runCases(t, tests, checkEvents)
}
