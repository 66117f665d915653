package extract

import "testing"

// TestStatementsRound2 covers the second statements round: lists of acts
// sharing one subject, infinitives of purpose, a participle sharing the
// reported clause's perfect auxiliary, states named after a ruling body,
// indefinite groups, relative clauses that leave the main subject the
// antecedent, a French pronoun for the sentence's body subject, and new
// cues. The texts are written for the test; want/not list
// "speaker|act|source" (a "|ACT|" entry in not matches any speaker).
func TestStatementsRound2(t *testing.T) {
	tests := []sentenceCase{
		{"a list of acts shares the subject",
			"In Kyiv, Mayor Vitali Klitschko declared a curfew, urged residents to stay in shelters and warned against travel.", "2022-03-01",
			[]string{"Vitali Klitschko|STATE|", "Vitali Klitschko|CALL_ON|", "Vitali Klitschko|WARN|"}, nil},
		{"a French list of acts shares the subject",
			"Le ministre Sergueï Lavrov a dénoncé les sanctions, a appelé Washington à la retenue et a averti contre toute escalade.", "2022-03-01",
			[]string{"Sergei Lavrov|CRITICIZE|", "Sergei Lavrov|CALL_ON|", "Sergei Lavrov|WARN|"}, []string{"États-Unis|CALL_ON|"}},
		{"an infinitive of purpose is the act of the verb's subject",
			"Angela Merkel went on national television to condemn the attack.", "2021-01-07",
			[]string{"Angela Merkel|CRITICIZE|"}, nil},
		{"a French infinitive of purpose",
			"Sergueï Lavrov a profité de sa visite à Ankara pour dénoncer les sanctions.", "2022-03-01",
			[]string{"Sergei Lavrov|CRITICIZE|"}, nil},
		{"a noun's infinitive is no purpose",
			"NATO leaders would take the formal decision to invite Finland when the summit opens.", "2022-06-28",
			nil, []string{"|PROPOSE|"}},
		{"a participle sharing the reported perfect goes on with the reported subject",
			"The Kremlin said Turkish President Tayyip Erdogan had telephoned Putin and voiced full support for the Russian leadership.", "2023-06-25",
			[]string{"Recep Tayyip Erdogan|EXPRESS_SUPPORT|Kremlin"}, []string{"Kremlin|EXPRESS_SUPPORT|"}},
		{"states named after their juntas",
			"Les juntes au pouvoir au Mali et au Burkina Faso ont averti que toute intervention serait une déclaration de guerre.", "2023-08-01",
			[]string{"Mali|WARN|", "Burkina Faso|WARN|"}, nil},
		{"states named after their governments",
			"The governments of Mali and Burkina Faso said any intervention would be a declaration of war.", "2023-08-01",
			[]string{"Mali|STATE|", "Burkina Faso|STATE|"}, nil},
		{"an indefinite group of leaders is nobody named",
			"Joe Biden met Vladimir Putin in Geneva. Several European leaders used the summit to announce new deliveries.", "2021-06-16",
			nil, []string{"Joe Biden|STATE|", "Vladimir Putin|STATE|"}},
		{"a relative clause leaves the main subject the antecedent",
			"Le ministre algérien des Affaires étrangères, Ramtane Lamamra, a dénoncé les propos du chef de la diplomatie israélienne, Yaïr Lapid, qui s'était dit préoccupé. Les consulats resteront ouverts, a précisé le ministre.", "2021-08-25",
			[]string{"Ramtane Lamamra|STATE|"}, []string{"Yaïr Lapid|STATE|"}},
		{"a French pronoun for the sentence's body subject",
			"Ferhat Mehenni a critiqué ces accusations. À Rabat, le ministère marocain des Affaires étrangères a regretté une décision injustifiée, dont il rejette les prétextes.", "2021-08-25",
			[]string{"ministère marocain des Affaires étrangères|REJECT|"}, []string{"Ferhat Mehenni|REJECT|"}},
		{"new cue: tendre la main",
			"Le roi Mohammed VI a tendu la main au président algérien.", "2021-08-25",
			[]string{"Mohammed VI|PROPOSE|"}, nil},
		{"new cues: took aim at, pushed back against",
			"Joe Biden took aim at Moscow on Tuesday. China pushed back against the criticism.", "2021-08-25",
			[]string{"Joe Biden|CRITICIZE|", "China|REJECT|"}, nil},
	}
	runCases(t, tests, checkStatements)
}
