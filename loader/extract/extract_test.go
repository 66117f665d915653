package extract

import (
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/kg/schema"
)

var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = New() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedX
}

func run(t *testing.T, text, date string) *schema.Extraction {
	t.Helper()
	a := &schema.Article{ID: schema.ArticleIRI(schema.Hash(text)), Text: text, Date: date, Offset: 10}
	ex, err := testExtractor(t).Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, a, ex)
	return ex
}

// checkSpans asserts that every evidence is the exact slice it claims.
func checkSpans(t testing.TB, a *schema.Article, ex *schema.Extraction) {
	t.Helper()
	check := func(sp schema.Span) {
		s, e := sp.Start-a.Offset, sp.End-a.Offset
		if s < 0 || e > len(a.Text) || s >= e || a.Text[s:e] != sp.Text {
			t.Fatalf("evidence %d:%d %q is not the text's slice", sp.Start, sp.End, sp.Text)
		}
	}
	for _, s := range ex.Statements {
		check(s.Evidence)
	}
	for _, e := range ex.Events {
		check(e.Evidence)
	}
	for _, r := range ex.Roles {
		if r.Evidence != nil {
			check(*r.Evidence)
		}
	}
}

func names(ex *schema.Extraction) map[string]schema.Entity {
	m := map[string]schema.Entity{}
	for _, e := range ex.Entities {
		m[e.ID] = e
	}
	return m
}

// said lists statements as "speaker|act|source" with entity names.
func said(ex *schema.Extraction) []string {
	n := names(ex)
	var out []string
	for _, s := range ex.Statements {
		out = append(out, n[s.Speaker].Name+"|"+string(s.Act)+"|"+n[s.AccordingTo].Name)
	}
	return out
}

func contains(list []string, want string) bool {
	for _, x := range list {
		if x == want {
			return true
		}
	}
	return false
}

func TestStatements(t *testing.T) {
	tests := []sentenceCase{
		{"selon", "Selon le Kremlin, Vladimir Poutine a souligné l’importance du dialogue avec Paris.", "2021-05",
			[]string{"Vladimir Putin|STRESS|Kremlin"}, []string{"Kremlin|STATE|"}},
		{"according to", "According to the White House, President Biden voiced concern over the troops.", "2021-05",
			[]string{"Joe Biden|EXPRESS_CONCERN|White House"}, nil},
		{"incise with inner speaker", "« Le président Macron a souligné son attachement au dialogue », a ajouté le communiqué de l’Elysée.", "2021-05",
			[]string{"Emmanuel Macron|STRESS|Élysée"}, []string{"Élysée|STATE|"}},
		{"incise speaker", "Les sanctions ne servent à rien, ont estimé les manifestants.", "2021-05",
			[]string{"manifestants|STATE|"}, nil},
		{"nested", "Le Kremlin a affirmé que Sergueï Lavrov a dénoncé les exercices de l’Otan.", "2021-05",
			[]string{"Sergei Lavrov|CRITICIZE|Kremlin"}, []string{"Kremlin|STATE|"}},
		{"nested English", "Peskov said Lavrov warned NATO against expansion.", "2021-05",
			[]string{"Sergei Lavrov|WARN|Dmitry Peskov"}, nil},
		{"coordination", "Angela Merkel et Emmanuel Macron ont appelé la Russie à la retenue.", "2020-02",
			[]string{"Angela Merkel|CALL_ON|", "Emmanuel Macron|CALL_ON|"}, nil},
		{"pronoun", "Olaf Scholz est arrivé à Kiev. Il a salué le courage des Ukrainiens.", "2022-06",
			[]string{"Olaf Scholz|EXPRESS_SUPPORT|"}, nil},
		{"title coreference", "Le président ukrainien Volodymyr Zelensky a parlé aux députés. Le président ukrainien a insisté sur les livraisons d’armes.", "2022-03",
			[]string{"Volodymyr Zelensky|STRESS|"}, nil},
		{"elided subject", "President Biden praised the allies and urged Congress to act.", "2022-03",
			[]string{"Joe Biden|EXPRESS_SUPPORT|", "Joe Biden|CALL_ON|"}, nil},
		{"collective", "Heiko Maas et Jean-Yves Le Drian se sont rencontrés. Les deux ministres ont regretté l’absence de progrès.", "2021-03",
			[]string{"Heiko Maas|CRITICIZE|", "Jean-Yves Le Drian|CRITICIZE|"}, nil},
		{"same source", "Selon la Maison Blanche, Joe Biden a exprimé son soutien à Kiev. Il a aussi averti Moscou, ajoute la même source.", "2021-05",
			[]string{"Joe Biden|EXPRESS_SUPPORT|White House", "Joe Biden|WARN|White House"}, nil},
		{"postposed", "“Russia has no plans to attack anyone,” Peskov told reporters on Monday.", "2022-01-10",
			[]string{"Dmitry Peskov|STATE|"}, nil},
		{"postposed with inner speaker", "“Putin stressed that the talks must go on,” Peskov said.", "2022-01-10",
			[]string{"Vladimir Putin|STRESS|Dmitry Peskov"}, []string{"Dmitry Peskov|STATE|"}},
		{"selon alone", "Selon le Pentagone, la Russie a massé près de cent mille soldats à la frontière.", "2022-01-10",
			[]string{"Pentagon|STATE|"}, nil},
		{"organization as plural office", "The G7 foreign ministers condemned the attack on the Zaporizhzhia plant.", "2022-08-10",
			[]string{"G7|CRITICIZE|"}, nil},
		{"irrealis inner clause", "Oleksandr Turchynov said Kyiv would never accept the annexation.", "2014-03-18",
			[]string{"Oleksandr Turchynov|REJECT|"}, []string{"Ukraine|AGREE|Oleksandr Turchynov", "Ukraine|AGREE|"}},
		{"reflexive incise", "« C'était une bonne rencontre », s'est félicité le président ukrainien Volodymyr Zelensky.", "2019-12-09",
			[]string{"Volodymyr Zelensky|EXPRESS_SUPPORT|"}, nil},
		{"seat of power as office", "Vladimir Poutine est arrivé. Le chef du Kremlin a estimé que le processus avançait.", "2019-12-09",
			[]string{"Vladimir Putin|STATE|"}, nil},
		{"unknown name before a verb", "La Russie, a répété Ivan Petrenko, ne cédera pas.", "2022-01-21",
			[]string{"Ivan Petrenko|STRESS|"}, nil},
		{"unknown name in an incise", "La Russie ne cédera pas, a déclaré Kozlowski.", "2022-01-21",
			[]string{"Kozlowski|STATE|"}, nil},
		{"unknown surname before a verb", "The plan is dead, Kozlowski told reporters.", "2022-01-21",
			[]string{"Kozlowski|STATE|"}, nil},
		{"office known to the lexicon", "Le président américain a appelé Moscou à la désescalade.", "2021-04-13",
			[]string{"Joe Biden|CALL_ON|"}, nil},
		{"quotation continues", "Sergueï Lavrov a été clair : « Nous ne reculerons pas. » « L'Otan doit cesser son expansion vers l'est. »", "2021-12-01",
			[]string{"Sergei Lavrov|STATE|"}, nil},
		{"relative clause before the verb", "Olaf Scholz, who met Putin in Moscow on Tuesday, said the talks were useful.", "2022-02-15",
			[]string{"Olaf Scholz|STATE|"}, []string{"Vladimir Putin|STATE|"}},
		{"adjective in reported content", "Peskov added that Moscow was ready to continue talks.", "2022-02-15",
			[]string{"Dmitry Peskov|STATE|"}, []string{"Russia|EXPRESS_INTENT|Dmitry Peskov"}},
		{"institution in an incise", "Des troupes ont été envoyées, a annoncé mardi le ministère russe de la Défense.", "2022-02-22",
			[]string{"ministère russe de la Défense|STATE|"}, nil},
		{"agency after d'après", "D'après l'agence Kazinform, les premiers blindés sont arrivés à Donetsk.", "2022-02-22",
			[]string{"Kazinform|STATE|"}, nil},
		{"pronoun for a state", "La France condamne les frappes. Elle appelle la Russie à la retenue.", "2022-03-01",
			[]string{"France|CRITICIZE|", "France|CALL_ON|"}, nil},
		{"threat makes a warning", "President Biden made clear that the United States will respond decisively.", "2022-01-02",
			[]string{"Joe Biden|WARN|"}, nil},
		{"agreeing is an event", "Paris et Berlin ont convenu de coordonner leurs sanctions.", "2022-03-01",
			nil, []string{"France|AGREE|", "Germany|AGREE|"}},
		{"plural noun is no verb", "Petro Poroshenko accused Russia of making unacceptable demands.", "2015-02-12",
			[]string{"Petro Poroshenko|ACCUSE|"}, []string{"Russia|CALL_ON|Petro Poroshenko"}},
		{"but coordinates verbs", "Angela Merkel said there was hope but warned that the deal must be implemented.", "2015-02-12",
			[]string{"Angela Merkel|STATE|", "Angela Merkel|WARN|"}, nil},
		{"pour X", "Pour le Kremlin, l'élargissement de l'Otan menace la sécurité de la Russie.", "2021-12-01",
			[]string{"Kremlin|STATE|"}, nil},
		{"apposition comma is no incise", "Le ministre allemand des Affaires étrangères, Heiko Maas, a appelé Moscou à retirer ses troupes, a rapporté l'agence autrichienne APA.", "2021-04-20",
			[]string{"Heiko Maas|CALL_ON|APA"}, []string{"Russia|CALL_ON|"}},
		{"postposed with article", "The American president called on Russia to de-escalate tensions, the White House added.", "2021-04-13",
			[]string{"Joe Biden|CALL_ON|White House"}, []string{"White House|STATE|"}},
		{"plural office after two names", "Emmanuel Macron a téléphoné à Vladimir Poutine. Les deux présidents ont évoqué la situation.", "2022-03-03",
			[]string{"Emmanuel Macron|STATE|", "Vladimir Putin|STATE|"}, nil},
		{"adviser speaks for the seat", "Le président russe a assuré que ses objectifs seraient atteints, selon un conseiller de l'Elysée.", "2022-03-03",
			[]string{"Vladimir Putin|STATE|Élysée"}, nil},
		{"we apposition", "We, the G7 foreign ministers of Canada, France and Japan, are deeply concerned about the shelling. We call on Moscow to stop.", "2022-08-10",
			[]string{"G7|EXPRESS_CONCERN|", "G7|CALL_ON|"}, nil},
		{"unnamed official", "Washington will answer in writing, a US official said.", "2022-01-21",
			[]string{"United States|STATE|"}, nil},
		{"noun cue", "Le ministre Jean-Yves Le Drian a fait part de sa vive inquiétude face aux combats.", "2021-05",
			[]string{"Jean-Yves Le Drian|EXPRESS_CONCERN|"}, nil},
		{"coordinated verb after a content clause", "Peskov said Russia was free to hold drills and accused NATO of provocations.", "2022-01-10",
			[]string{"Dmitry Peskov|STATE|", "Dmitry Peskov|ACCUSE|"}, []string{"Russia|ACCUSE|"}},
		{"trailing participle", "Dmytro Kuleba urged allies to send arms, warning that Moscow was massing troops near Ukraine.", "2022-01-10",
			[]string{"Dmytro Kuleba|WARN|"}, []string{"Russia|WARN|", "Ukraine|WARN|"}},
		{"pronoun after a verbless sentence", "The Russian leader struck a calmer tone. He said the talks had been useful.", "2019-12-09",
			[]string{"Vladimir Putin|STATE|"}, nil},
		{"he is never a state", "Ukraine rejected the plan. He said nothing more.", "2019-12-09",
			nil, []string{"Ukraine|STATE|"}},
		{"pronoun within the sentence", "Angela Merkel, after a long night, said she had hoped for more.", "2015-02-12",
			[]string{"Angela Merkel|EXPRESS_INTENT|"}, nil},
		{"agency after news agency", "Alexander Lukashenko denied the claim, according to the state news agency Belta.", "2021-12-16",
			[]string{"Alexander Lukashenko|DENY|Belta"}, nil},
		{"plural media are no state source", "Troops were seen near the border, according to Russian news agencies.", "2021-12-16",
			nil, []string{"Russia|STATE|"}},
		{"administration is the state", "The Biden administration on Friday expelled two diplomats, accusing Moscow of espionage.", "2021-04-16",
			[]string{"United States|ACCUSE|"}, []string{"Russia|ACCUSE|"}},
		{"negated verb of saying", "Le président russe n'a pas répondu à cette offre, selon son porte-parole, Dmitri Peskov.", "2019-07-20",
			[]string{"Dmitry Peskov|STATE|"}, []string{"Vladimir Putin|STATE|Dmitry Peskov"}},
		{"firmly is no warning", "Antony Blinken said the United States stood firmly behind Ukraine's sovereignty.", "2021-05-06",
			[]string{"Antony Blinken|STATE|"}, []string{"Antony Blinken|WARN|"}},
		{"possessive aide speaks for the office", "Boris Johnson's spokesman said that London would send more troops.", "2022-02-10",
			[]string{"United Kingdom|EXPRESS_INTENT|"}, nil},
		{"definite official re-describes the person", "Martin Sajdik a salué l'accord. « C'est un pas », a déclaré le diplomate autrichien.", "2019-07-18",
			[]string{"Martin Sajdik|STATE|"}, []string{"Austria|STATE|"}},
		{"coordinated cue after a deed", "Antony Blinken met Sergei Lavrov in Geneva on Friday and warned him that an invasion would be costly.", "2022-01-21",
			[]string{"Antony Blinken|WARN|"}, nil},
		{"English object after a comma is no inverted subject", "Liz Truss, speaking in Sydney, urged Russia to step back. She said sanctions would follow.", "2022-01-21",
			[]string{"Liz Truss|CALL_ON|", "Liz Truss|STATE|"}, []string{"Russia|CALL_ON|"}},
		{"shared auxiliary and reported subject no antecedent", "Dmitri Peskov a rejeté ces accusations et estimé que la Russie « ne menace personne ». Interrogé sur les troupes, il a répondu que Moscou était chez elle.", "2021-04-02",
			[]string{"Dmitry Peskov|REJECT|", "Dmitry Peskov|STATE|"}, []string{"Russia|WARN|", "Russia|STATE|"}},
		{"negated quote before an incise is content", "\"Russia does not threaten anyone,\" Peskov said.", "2021-04-02",
			[]string{"Dmitry Peskov|STATE|"}, []string{"Russia|WARN|Dmitry Peskov"}},
		{"future under selon is the source's claim", "Selon Sergueï Riabkov, Moscou répondra de manière appropriée.", "2022-12-07",
			[]string{"Sergei Ryabkov|STATE|"}, []string{"Russia|STATE|Sergei Ryabkov"}},
		{"possessive office of the previous subject", "La Hongrie s'est dite opposée aux mesures. Son Premier ministre, Viktor Orban, a dénoncé des sanctions inutiles.", "2022-12-07",
			[]string{"Viktor Orban|CRITICIZE|"}, nil},
		{"communiqué signed by a body", "Joint statement of the NATO Foreign Ministers\n\nWe, the Foreign Ministers of NATO, condemn the annexation. We will never recognise these referendums. We stand with Ukraine and will continue to support it.", "2022-09-30",
			[]string{"NATO|CRITICIZE|", "NATO|REJECT|", "NATO|EXPRESS_SUPPORT|", "NATO|EXPRESS_INTENT|"}, nil},
		{"communiqué signed by the ministers of two states", "Déclaration conjointe des ministres des Affaires étrangères de la France et de l'Allemagne\n\nNous condamnons l'annexion. Nous ne reconnaîtrons jamais ces référendums.", "2022-09-30",
			[]string{"France|CRITICIZE|", "Germany|CRITICIZE|", "France|REJECT|", "Germany|REJECT|"}, nil},
		{"French adjective cue after se dire", "Josep Borrell s'est dit « choqué » par les frappes.", "2022-10-10",
			[]string{"Josep Borrell|CRITICIZE|"}, nil},
		{"his spokesman is the possessor's office", "Anne-Claire Legendre a parlé. Le secrétaire général de l'ONU s'est dit choqué, a indiqué son porte-parole.", "2022-10-10",
			[]string{"Antonio Guterres|CRITICIZE|United Nations"}, []string{"Antonio Guterres|CRITICIZE|Anne-Claire Legendre"}},
		{"definite body noun re-mentions the organization", "Russia's foreign ministry accused Washington of fuelling the war. The ministry said the deliveries were targets.", "2022-03-15",
			[]string{"Russia's foreign ministry|ACCUSE|", "Russia's foreign ministry|STATE|"}, nil},
		{"unnamed official of the dateline's state", "WASHINGTON, Dec 7 - A senior administration official, speaking on condition of anonymity, said the allies were united.", "2021-12-07",
			[]string{"United States|STATE|"}, nil},
		{"bare plural office is no anaphora", "Antony Blinken said Russia was preparing a pretext. Separatist leaders accused Kyiv of opening fire first.", "2022-02-17",
			[]string{"Antony Blinken|STATE|"}, []string{"Antony Blinken|ACCUSE|"}},
		{"d'après lui is a man", "Angela Merkel a parlé après Emmanuel Macron. D'après lui, des agents étaient à bord.", "2021-05-24",
			[]string{"Emmanuel Macron|STATE|"}, []string{"Angela Merkel|STATE|"}},
		{"nous in a state's own voice", "La France appelle la Russie à la retenue. Nous appelons les deux parties au dialogue.", "2018-11-26",
			[]string{"France|CALL_ON|"}, nil},
		{"copula in reported content", "Volodymyr Zelensky said Ukraine remained committed to a diplomatic solution.", "2022-02-14",
			[]string{"Volodymyr Zelensky|STRESS|"}, []string{"Ukraine|STRESS|Volodymyr Zelensky"}},
		{"passive evaluation by an agent", "La compagnie a publié une version jugée « absurde » par le patron de Ryanair, Michael O'Leary.", "2021-05-24",
			[]string{"Michael O'Leary|CRITICIZE|"}, nil},
		{"English passive with by", "The plan was described as dangerous by Antony Blinken.", "2021-05-24",
			[]string{"Antony Blinken|CRITICIZE|"}, nil},
		{"office of the readout's home state", "PM call with President Zelenskyy\n\nA Downing Street spokesperson said: The Prime Minister spoke to President Zelenskyy this morning. The Prime Minister reiterated his support for Ukraine.", "2022-02-22",
			[]string{"Boris Johnson|STRESS|"}, nil},
		{"stateless office in a seat's readout is the home state's", "Communiqué du Quai d'Orsay\n\nLe ministre de l'Europe et des Affaires étrangères s'est entretenu ce jour avec son homologue ukrainien, Pavlo Klimkine. Il lui a exprimé le soutien de la France.", "2018-11-26",
			[]string{"Jean-Yves Le Drian|EXPRESS_SUPPORT|"}, []string{"Pavlo Klimkin|EXPRESS_SUPPORT|"}},
		{"the leaders are the persons of the talks just told", "Videoconference\n\nVladimir Putin held a videoconference with Angela Merkel and Emmanuel Macron. Angela Merkel and Emmanuel Macron raised the issue of Navalny. The leaders also exchanged views on Belarus.", "2021-03-30",
			[]string{"Vladimir Putin|DISCUSS|", "Angela Merkel|DISCUSS|", "Emmanuel Macron|DISCUSS|"}, nil},
		{"learning with concern", "La France a appris avec une vive préoccupation la saisie de trois navires ukrainiens.", "2018-11-26",
			[]string{"France|EXPRESS_CONCERN|"}, nil},
		{"obligation in the content calls on", "Recep Tayyip Erdogan said that Armenia must withdraw its forces.", "2020-10-14",
			[]string{"Recep Tayyip Erdogan|CALL_ON|"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := run(t, tt.text, tt.date)
			got := said(ex)
			for _, w := range tt.want {
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

func TestCommuniqueVoice(t *testing.T) {
	text := "Déclaration conjointe de Annalena Baerbock et de Catherine Colonna\n\n" +
		"Nous, ministres des Affaires étrangères, avons rencontré aujourd’hui nos partenaires. " +
		"Nous appelons la Russie à retirer ses troupes. La France et l’Allemagne réaffirment leur soutien à la Moldavie."
	ex := run(t, text, "2022-11-03")
	got := said(ex)
	for _, w := range []string{"Annalena Baerbock|CALL_ON|", "Catherine Colonna|CALL_ON|",
		"Annalena Baerbock|STRESS|", "Catherine Colonna|STRESS|"} {
		if !contains(got, w) {
			t.Errorf("missing %q in %q", w, got)
		}
	}
}

func TestTranscript(t *testing.T) {
	text := "Meeting with the Prime Minister\n\nPresident of Russia Vladimir Putin: Good afternoon, colleagues.\n\n" +
		"We will discuss energy prices and the harvest today. I hope the talks go well.\n\n" +
		"Prime Minister of Russia Mikhail Mishustin: Thank you.\n\nThe grain reserves are sufficient for the whole winter season."
	ex := run(t, text, "2022-09-01")
	n := names(ex)
	bySpeaker := map[string]int{}
	for _, s := range ex.Statements {
		bySpeaker[n[s.Speaker].Name]++
	}
	if bySpeaker["Vladimir Putin"] < 2 || bySpeaker["Mikhail Mishustin"] < 1 {
		t.Errorf("turns: %v (%q)", bySpeaker, said(ex))
	}
}

func TestEntitiesAndRoles(t *testing.T) {
	text := "Le chef de la diplomatie russe Sergueï Lavrov a reçu à Moscou son homologue turc. " +
		"Russian Foreign Minister Sergei Lavrov and Ukraine's President Volodymyr Zelensky did not meet. " +
		"Les séparatistes pro-russes ont attaqué Marioupol. Le Premier ministre britannique, Keir Starmer, était à Bruxelles."
	ex := run(t, text, "2022-03-10")
	n := names(ex)
	byName := map[string]schema.Entity{}
	for _, e := range ex.Entities {
		byName[e.Name] = e
	}
	ex2 := run(t, "Les négociateurs ont évoqué l'accord d'Istanbul. The Budapest agreement was also discussed.", "2022-04-01")
	var agreements []string
	for _, e := range ex2.Entities {
		if e.Type == schema.TypeAgreement {
			agreements = append(agreements, e.Name)
		}
	}
	for _, w := range []string{"accord d'Istanbul", "Budapest agreement"} {
		if !contains(agreements, w) {
			t.Errorf("agreement %q missing in %v", w, agreements)
		}
	}
	for name, typ := range map[string]schema.EntityType{"Sergei Lavrov": schema.TypePerson, "Russia": schema.TypeState,
		"Moscow": schema.TypePlace, "séparatistes pro-russes": schema.TypeOrganization, "Mariupol": schema.TypePlace,
		"Keir Starmer": schema.TypePerson, "Brussels": schema.TypePlace, "Volodymyr Zelensky": schema.TypePerson} {
		if e, ok := byName[name]; !ok || e.Type != typ {
			t.Errorf("entity %s (%s) missing; have %v", name, typ, keys(byName))
		}
	}
	roles := map[string]bool{}
	for _, r := range ex.Roles {
		roles[n[r.Person].Name+"|"+n[r.Of].Name] = true
	}
	ex5 := run(t, "Le ministre russe des Affaires étrangères, Igor Ivanov, a répondu.", "2003-04-01")
	n5 := names(ex5)
	ok5 := false
	for _, r := range ex5.Roles {
		ok5 = ok5 || n5[r.Person].Name == "Igor Ivanov" && n5[r.Of].Name == "Russia" && r.Role == "foreign minister"
	}
	if !ok5 {
		t.Errorf("portfolio after the demonym: roles %+v", ex5.Roles)
	}
	ex4 := run(t, "Olena Marchenko, ministre ukrainienne de la Culture, a dénoncé les frappes.", "2022-04-01")
	n4 := names(ex4)
	ok4 := false
	for _, r := range ex4.Roles {
		ok4 = ok4 || n4[r.Person].Name == "Olena Marchenko" && n4[r.Of].Name == "Ukraine"
	}
	if !ok4 || !contains(said(ex4), "Olena Marchenko|CRITICIZE|") {
		t.Errorf("office after the name: roles %+v, statements %q", ex4.Roles, said(ex4))
	}
	for _, w := range []string{"Sergei Lavrov|Russia", "Volodymyr Zelensky|Ukraine", "Keir Starmer|United Kingdom"} {
		if !roles[w] {
			t.Errorf("role %s missing: %v", w, roles)
		}
	}
	ex3 := run(t, "Réagissant au communiqué de l’OSCE, sa porte-parole, Marie Dupuis, a démenti.", "2022-04-01")
	n3 := names(ex3)
	found := false
	for _, r := range ex3.Roles {
		found = found || n3[r.Person].Name == "Marie Dupuis" && n3[r.Of].Name == "OSCE"
	}
	if !found {
		t.Errorf("possessive office: roles %+v", ex3.Roles)
	}
	if !contains(byName["Russia"].Aliases, "russe") {
		t.Errorf("demonym alias missing: %v", byName["Russia"].Aliases)
	}
}

func keys(m map[string]schema.Entity) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestEvents(t *testing.T) {
	tests := []struct {
		text, date string
		typ        schema.EventType
		status     schema.EventStatus
		evDate     string
	}{
		{"Emmanuel Macron et Olaf Scholz ont eu un entretien téléphonique jeudi.", "2022-05-14", schema.EventPhoneCall, schema.StatusOccurred, "2022-05-12"},
		{"Joe Biden proposed a summit with Xi Jinping in the coming months.", "2021-11-02", schema.EventSummit, schema.StatusProposed, ""},
		{"L’Otan s’inquiète du déploiement de troupes russes près de la frontière en novembre.", "2021-12-01", schema.EventMilitaryBuildup, schema.StatusOccurred, "2021-11"},
		{"Kiev dénonce les accusations de cyberattaques lancées par des pirates russes.", "2022-01-15", schema.EventCyberattack, schema.StatusAlleged, ""},
		{"Antony Blinken will visit Kyiv on Sunday.", "2022-01-12", schema.EventVisit, schema.StatusPlanned, "2022-01-16"},
		{"La Russie et l'Ukraine ont signé les accords de Minsk en 2015.", "2021-04", schema.EventAgreement, schema.StatusOccurred, "2015"},
		{"Vladimir Poutine a signé le traité faisant de la Crimée un sujet de la Fédération de Russie.", "2014-03-18", schema.EventAnnexation, schema.StatusOccurred, ""},
		{"Nous ne reconnaîtrons jamais l'annexion de la Crimée par la Russie en 2014.", "2021-04-20", schema.EventAnnexation, schema.StatusOccurred, "2014"},
		{"The US expelled ten Russian diplomats on Thursday.", "2021-04-15", schema.EventSanction, schema.StatusOccurred, "2021-04-15"},
		{"Un soldat a été tué près de Simferopol, deux jours après un référendum contesté.", "2014-03-18", schema.EventElection, schema.StatusOccurred, ""},
	}
	for _, tt := range tests {
		ex := run(t, tt.text, tt.date)
		found := false
		for _, e := range ex.Events {
			if e.Type == tt.typ {
				found = true
				if e.Status != tt.status || e.Date != tt.evDate {
					t.Errorf("%q: %s status %s date %q, want %s %q", tt.text, e.Type, e.Status, e.Date, tt.status, tt.evDate)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s event in %+v", tt.text, tt.typ, ex.Events)
		}
	}
}

func TestUserLexiconAndAliases(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/extra.json"
	lex := `{"entities":[{"name":"Kaja Kallas","type":"Person","aliases":["Kallas"],"roles":[{"role":"prime minister","of":"Estonia","from":2021}]}]}`
	if err := writeFile(path, lex); err != nil {
		t.Fatal(err)
	}
	x, err := New(WithLexiconFiles(path), WithAliases(map[string]schema.Entity{
		"la Commission": {Name: "European Commission", Type: schema.TypeOrganization},
		"tallinn":       {Name: "Tallinn City", Type: schema.TypeOrganization}}))
	if err != nil {
		t.Fatal(err)
	}
	text := "Kallas a rencontré la Commission à Tallinn. L'Estonie a salué l'accord."
	ex, err := x.Extract(&schema.Article{Text: text, Date: "2022-05-01"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ex.Entities {
		got = append(got, e.Name)
	}
	for _, w := range []string{"Kaja Kallas", "European Commission", "Tallinn City"} {
		if !contains(got, w) {
			t.Errorf("entity %s missing in %v", w, got)
		}
	}
	if _, err := New(WithLexiconFiles(dir + "/missing.json")); err == nil {
		t.Error("missing lexicon file: want error")
	}
	if err := writeFile(path, `{"entities":[{"nom":"x"}]}`); err != nil {
		t.Fatal(err)
	}
	if _, err := New(WithLexiconFiles(path)); err == nil || !strings.Contains(err.Error(), "extra.json") {
		t.Errorf("bad lexicon: err = %v", err)
	}
}

func TestConcurrentAndDeterministic(t *testing.T) {
	x := testExtractor(t)
	a := &schema.Article{Text: "Selon le Kremlin, Vladimir Poutine a souligné le rôle de l'OSCE. Joe Biden a salué l'accord.", Date: "2021-06-01"}
	first, err := x.Extract(a)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ex, err := x.Extract(a)
			if err != nil || len(ex.Statements) != len(first.Statements) || len(ex.Entities) != len(first.Entities) {
				t.Errorf("run differs: %v", err)
			}
		}()
	}
	wg.Wait()
	if _, err := x.Extract(nil); err == nil {
		t.Error("nil article: want error")
	}
	for _, text := range []string{"", " ", "\n\n", "«", "M.", "a", "Selon"} {
		ex, err := x.Extract(&schema.Article{Text: text, Date: "bad-date"})
		if err != nil || ex == nil {
			t.Errorf("Extract(%q) = %v, %v", text, ex, err)
		}
	}
}
