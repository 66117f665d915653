package extract

import "testing"

// TestStatementsRound covers the mechanisms of the statements round: a
// joint communiqué's own voice, its leaders named as a plural title, a
// coordinated list of persons across appositions, shared views
// ("concurred"), feelings reported by another and a body reporting its own
// state's stance. The texts are written for the test; want/not list
// "speaker|act|source" (a "|ACT|" entry in not matches any speaker).
func TestStatementsRound(t *testing.T) {
	tests := []sentenceCase{
		{"communiqué own voice in the present is every signer's",
			"Joint Statement of Norway and Chile\n\nThe agreement is the first of its kind between the two regions and opens a new chapter.", "2021-03-02",
			[]string{"Norway|STATE|", "Chile|STATE|"}, nil},
		{"communiqué future with one signer as subject is that signer's intent",
			"Joint Statement of Norway and Chile\n\nNorway will open a consulate in Valparaíso next year.", "2021-03-02",
			[]string{"Norway|EXPRESS_INTENT|"}, []string{"Chile|EXPRESS_INTENT|"}},
		{"communiqué past narrative is no statement",
			"Joint Statement of Norway and Chile\n\nThe two governments signed a fisheries accord in Oslo last year.", "2021-03-02",
			nil, []string{"|STATE|"}},
		{"communiqué leaders are the persons who spoke, not the signing states",
			"Joint Statement of Norway and Chile\n\nPresident Sebastián Piñera and Prime Minister Erna Solberg spoke by telephone today. The two leaders consider this step historic.", "2021-03-02",
			[]string{"Sebastián Piñera|STATE|", "Erna Solberg|STATE|"}, []string{"Norway|STATE|"}},
		{"persons coordinated across appositions share an elided verb",
			"Prime Minister Erna Solberg of Norway, and President Sebastián Piñera, head of state of Chile, met in Oslo and called on both sides to respect the truce.", "2021-03-02",
			[]string{"Erna Solberg|CALL_ON|", "Sebastián Piñera|CALL_ON|"}, nil},
		{"concurred is a shared view of both leaders",
			"Joe Biden met Xi Jinping in Bali on Monday. The two leaders concurred to hold regular consultations.", "2022-11-14",
			[]string{"Joe Biden|AGREE|", "Xi Jinping|AGREE|"}, nil},
		{"a feeling reported by another is the person's stance",
			"Dmitry Peskov spoke to reporters. He said President Vladimir Putin was grateful to the mediators for their work.", "2023-06-25",
			[]string{"Vladimir Putin|EXPRESS_SUPPORT|Dmitry Peskov"}, []string{"Dmitry Peskov|STATE|"}},
		{"a ministry reporting its own state's stance",
			"India's foreign ministry said on Monday that the talks were useful and that India supported a ceasefire.", "2023-06-26",
			[]string{"India's foreign ministry|EXPRESS_SUPPORT|"}, []string{"India|EXPRESS_SUPPORT|"}},
		{"a participle clause between a speaker and the verb",
			"Defence Secretary Ben Wallace, asked about the request, said Britain would consider it.", "2023-07-12",
			[]string{"Ben Wallace|EXPRESS_INTENT|"}, nil},
	}
	runCases(t, tests, checkStatements)
}
