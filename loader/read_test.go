package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/kg/schema"
)

// corpusDir is the client's dev corpus, when the checkout has it.
const corpusDir = "../../shared/corpus/dev"

func TestReadFileFixtures(t *testing.T) {
	tests := []struct {
		file                           string
		n                              int // articles in the file
		i                              int // the one checked
		date, lang, title, source, url string
		textPrefix, textSuffix         string
	}{
		{file: "header_en.txt", n: 1, date: "2023-09-14", lang: "en",
			title:  "Port authorities meet over grain shipments",
			source: "Harbour Gazette (fixture written for the loader tests) https://gazette.example/port-talks",
			url:    "https://gazette.example/port-talks", textPrefix: "Port authorities meet", textSuffix: "planned for October."},
		{file: "header_fr.txt", n: 1, date: "2022-11", lang: "fr",
			title:  "Les maires de la vallée s'accordent sur le partage de l'eau",
			source: "Le Courrier du Lac (texte écrit pour les tests)", textPrefix: "Les maires de la vallée", textSuffix: "au printemps."},
		{file: "inline_fr.txt", n: 1, date: "2020-06", lang: "fr",
			textPrefix: "Le ministre des Transports", textSuffix: "si la situation le permet."},
		{file: "bom_en.txt", n: 1, date: "2019-02-03", lang: "en", title: "Council approves new tram line",
			source: "Northern Ledger (fixture)", textPrefix: "Council approves", textSuffix: "within three years."},
		{file: "crlf_fr.txt", n: 1, date: "2021-05-20", lang: "fr", title: "Grève des contrôleurs aériens",
			source: "Le Petit Rapporteur (fixture)", textPrefix: "Grève des", textSuffix: "dans l’impasse."},
		{file: "colon_en.md", n: 1, date: "2018-07-09", lang: "en", title: "Bridge reopens after repairs",
			source: "Valley Weekly (fixture)", url: "https://valley.example/bridge", textPrefix: "Bridge reopens", textSuffix: "carry buses again."},
		{file: "plain_en.txt", n: 1, lang: "en", title: "Farmers protest over water prices",
			textPrefix: "Farmers protest", textSuffix: "the new tariff was fair."},
		{file: "dated_headline_en.txt", n: 1, date: "2017-10-02", lang: "en", title: "Museum returns stolen paintings",
			textPrefix: "Museum returns", textSuffix: "chapter for the museum."},
		{file: "one.json", n: 1, date: "2024-01-18", lang: "fr", title: "Sommet régional sur la pêche",
			source: "Agence Côtière (fixture)", url: "https://cotiere.example/peche",
			textPrefix: "Les ministres de la pêche", textSuffix: "d’un commun accord."},
		{file: "articles.json", n: 2, i: 0, date: "2016-03-04", lang: "en", title: "Rail strike ends",
			source: "Wire Service (fixture)", textPrefix: "Train drivers", textSuffix: "by the weekend."},
		{file: "articles.json", n: 2, i: 1, date: "2016-03", lang: "fr", title: "Nouvelle ligne de bus",
			textPrefix: "La communauté de communes", textSuffix: "en septembre."},
		{file: "articles.jsonl", n: 3, i: 0, date: "2015-12-01", lang: "en", title: "Storm closes schools",
			url: "https://weather.example/storm", textPrefix: "Schools in the northern", textSuffix: "the roads were safe."},
		{file: "articles.jsonl", n: 3, i: 1, date: "2015-12", lang: "fr", title: "Fermeture d'une usine",
			textPrefix: "La direction", textSuffix: "avec le préfet."},
		{file: "articles.jsonl", n: 3, i: 2, lang: "en", textPrefix: "Short note", textSuffix: "in the bay."},
		{file: "page_en.html", n: 1, date: "2022-02-21", lang: "en", title: "Ferry service resumes after storm",
			source: "Islands Herald", url: "https://islands.example/ferry-resumes",
			textPrefix: "Ferry service resumes after storm\n\nThe ferry between the two islands ran again on Monday after",
			textSuffix: "cancellations. The operator said that the first crossing left at dawn.\n\nPassengers who missed their trips will be refunded, the company added."},
		{file: "page_fr.html", n: 1, date: "2021-09-30", lang: "fr", title: "Un nouveau pont pour la commune",
			textPrefix: "Le conseil municipal", textSuffix: "moins que prévu."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			as, err := ReadFile(path)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if len(as) != tt.n {
				t.Fatalf("got %d articles, want %d", len(as), tt.n)
			}
			a := as[tt.i]
			for _, f := range []struct{ name, got, want string }{
				{"Date", a.Date, tt.date}, {"Language", a.Language, tt.lang}, {"Title", a.Title, tt.title},
				{"Source", a.Source, tt.source}, {"URL", a.URL, tt.url}, {"Path", a.Path, path},
				{"Hash", a.Hash, schema.Hash(a.Text)}, {"ID", a.ID, schema.ArticleIRI(a.Hash)},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if !strings.HasPrefix(a.Text, tt.textPrefix) || !strings.HasSuffix(a.Text, tt.textSuffix) {
				t.Errorf("Text = %q, want it to start with %q and end with %q", a.Text, tt.textPrefix, tt.textSuffix)
			}
			if strings.Contains(a.Text, "tracking") || strings.Contains(a.Text, "Copyright") || strings.Contains(a.Text, "Accueil") {
				t.Errorf("Text holds page furniture: %q", a.Text)
			}
		})
	}
}

// TestOffsets checks the invariant evidence offsets rely on: for plain-text
// files, the bytes at Offset+i in the file are Text[i]; for the other
// formats Offset is 0.
func TestOffsets(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	files = append(files, corpus...)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			as, err := ReadFile(path)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			for _, a := range as {
				if formatOf(path) == formatText {
					checkOffset(t, data, a)
				} else if a.Offset != 0 {
					t.Errorf("Offset = %d, want 0 for %s", a.Offset, path)
				}
			}
		})
	}
}

func checkOffset(t testing.TB, data []byte, a *schema.Article) {
	t.Helper()
	if a.Offset < 0 || a.Offset+len(a.Text) > len(data) || string(data[a.Offset:a.Offset+len(a.Text)]) != a.Text {
		t.Fatalf("file bytes at Offset %d do not hold Text %.40q", a.Offset, a.Text)
	}
}

func TestHeaderForms(t *testing.T) {
	tests := []struct {
		name, in            string
		date, title, source string
		text                string
	}{
		{"header ended by blank line", "date 2020\nsource X\n\nBody text here.", "2020", "", "X", "Body text here."},
		{"inline date keeps leading space", " date 2021-04 Les présidents ont parlé.\n", "2021-04", "", "", "Les présidents ont parlé."},
		{"inline date, tab separated", "date 2021-04-02\tand more words follow here.", "2021-04-02", "", "", "and more words follow here."},
		{"colon keys any case", "Title: Hello\nDATE: 1999-12-31\n\nBody.", "1999-12-31", "Hello", "", "Body."},
		{"date then headline, no blank", "date 2010-01\nHeadline here\n\nBody.", "2010-01", "Headline here", "", "Headline here\n\nBody."},
		{"not a header: unknown key", "note something\n\nBody.", "", "note something", "", "note something\n\nBody."},
		{"not a header: capitalised key without colon", "Date night in Paris\n\nThe restaurants are full.", "", "Date night in Paris", "", "Date night in Paris\n\nThe restaurants are full."},
		{"not a header: date word then text", "date night out with friends\nwas fun.", "", "date night out with friends", "", "date night out with friends\nwas fun."},
		{"no title when the first line ends a sentence", "A full sentence.\nAnother one.", "", "", "", "A full sentence.\nAnother one."},
		{"no title for a one-line text", "Just one line", "", "", "", "Just one line"},
		{"timestamp cut to its day", "date 2021-04-13T10:00:00Z\n\nBody.", "2021-04-13", "", "", "Body."},
		{"markdown heading as title", "# Heading\n\nBody.", "", "Heading", "", "# Heading\n\nBody."},
		{"multiple blank lines", "date 2001\n\n\n\n  Body.  \n\n", "2001", "", "", "Body."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := ReadBytes("x.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("ReadBytes: %v", err)
			}
			a := as[0]
			if a.Date != tt.date || a.Title != tt.title || a.Source != tt.source || a.Text != tt.text {
				t.Errorf("got date %q title %q source %q text %q\nwant date %q title %q source %q text %q",
					a.Date, a.Title, a.Source, a.Text, tt.date, tt.title, tt.source, tt.text)
			}
			checkOffset(t, []byte(tt.in), a)
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, in, text string
		n              int
	}{
		{"article.dat", `{"text": "Sniffed JSON object."}`, "Sniffed JSON object.", 1},
		{"articles.export", `[{"text": "One."}, {"text": "Two."}]`, "One.", 2},
		{"feed", "{\"text\": \"Line one.\"}\n{\"text\": \"Line two.\"}\n", "Line one.", 2},
		{"page.php", "<!doctype html><html><body><p>Sniffed page.</p></body></html>", "Sniffed page.", 1},
		{"lines.json", "{\"text\": \"L1.\"}\n{\"text\": \"L2.\"}\n", "L1.", 2},
		{"README", "[draft] Not JSON at all, just text.", "[draft] Not JSON at all, just text.", 1},
		{"notes", "{ braces in text } are still text", "{ braces in text } are still text", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := ReadBytes(tt.name, []byte(tt.in))
			if err != nil {
				t.Fatalf("ReadBytes: %v", err)
			}
			if len(as) != tt.n || as[0].Text != tt.text {
				t.Errorf("got %d articles, first text %q; want %d, %q", len(as), as[0].Text, tt.n, tt.text)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	binary := make([]byte, 300)
	for i := range binary {
		binary[i] = byte(i)
	}
	control := []byte(strings.Repeat("ab\x01\x02\x03", 50))
	tests := []struct {
		name string
		in   string
		want []string // substrings of the message
	}{
		{"a.txt", "", []string{"a.txt: empty file"}},
		{"a.txt", " \n\t\r\n", []string{"a.txt: empty file"}},
		{"a.txt", "\xef\xbb\xbf", []string{"a.txt: empty file"}},
		{"a.txt", string(binary), []string{"a.txt: binary data"}},
		{"a.bin", string(control), []string{"a.bin: binary data"}},
		{"a.txt", "ok\nok\nbad \xff here", []string{"a.txt: invalid UTF-8 at byte offset 10 (line 3)"}},
		{"a.txt", "caf\xe9 latin-1", []string{"a.txt: invalid UTF-8 at byte offset 3 (line 1)"}},
		{"a.txt", "date 2020\nsource X\n\n   \n", []string{"a.txt: no article text after the header"}},
		{"a.txt", "date 2020-13-01\n\nBody.", []string{"a.txt:1:", `date "2020-13-01" is not a date`}},
		{"a.txt", "source X\ndate yesterday\n\nBody.", []string{"a.txt:2:", `"yesterday" is not a date`}},
		{"a.txt", "date 2021-02-30 Les présidents ont parlé.", []string{"a.txt:1:", `inline date "2021-02-30" is not a date`}},
		{"a.json", `{"text": "x",}`, []string{"a.json: malformed JSON at line 1, column 14"}},
		{"a.json", "{\n \"text\": \"x\"\n \"date\": \"2020\"}", []string{"a.json: malformed JSON at line 3, column 2"}},
		{"a.json", `{"text": "x"`, []string{"a.json: malformed JSON"}},
		{"a.json", `{"title": "no text"}`, []string{`a.json: missing "text" field`}},
		{"a.json", `{"text": "   "}`, []string{`a.json: empty "text" field`}},
		{"a.json", `{"text": "a\u0000b"}`, []string{`a.json: "text" field holds NUL bytes`}},
		{"a.json", `{"text": 42}`, []string{`a.json: field "text" is a JSON number, want a string`}},
		{"a.json", `42`, []string{"a.json: want a JSON object"}},
		{"a.json", `{"text": "x", "date": "13/45/2020"}`, []string{`a.json: date "13/45/2020" is not a date`}},
		{"a.json", `[]`, []string{"a.json: empty JSON array"}},
		{"a.json", `[{"text": "ok"}, {"date": "2020"}]`, []string{`a.json: element 1: missing "text" field`}},
		{"a.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"x\"\n", []string{"a.jsonl:2: malformed JSON"}},
		{"a.jsonl", "{\"text\": \"ok\"}\n\n[1, 2]\n", []string{"a.jsonl:3: want a JSON object"}},
		{"a.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"caf\xe9\"}\n", []string{"a.jsonl:2: invalid UTF-8 at byte offset 28"}},
		{"a.jsonl", "\n\n  \n", []string{"a.jsonl: empty file"}},
		{"a.jsonl", string(binary), []string{"a.jsonl: binary data"}},
		{"a.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"a\", \"date\": \"May\"}\n", []string{`a.jsonl:2: date "May" is not a date`}},
		{"a.html", "<html><body><script>x()</script></body></html>", []string{"a.html: no article text"}},
		{"a.txt", "\xff\xfeh\x00i\x00", []string{"a.txt: UTF-16 text; save the file as UTF-8"}},
		{"a.json", `[{"text": "ok"}, {"text": ["a"]}]`, []string{`a.json: element 1: field "text" is a JSON array, want a string`}},
		{"a.jsonl", "\xef\xbb\xbf{\"text\": \"caf\xe9\"}\n", []string{"a.jsonl:1: invalid UTF-8 at byte offset 16"}},
		{"", "", []string{"<input>: empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.want[len(tt.want)-1], func(t *testing.T) {
			_, err := ReadBytes(tt.name, []byte(tt.in))
			checkInvalid(t, err, tt.want...)
		})
	}
}

// checkInvalid asserts err is a one-line CodeInvalid error holding want.
func checkInvalid(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one with %q", want)
	}
	if schema.ErrorCode(err) != schema.CodeInvalid {
		t.Errorf("code %s, want %s (%v)", schema.ErrorCode(err), schema.CodeInvalid, err)
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("message is not one line: %q", msg)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not contain %q", msg, w)
		}
	}
}

func TestTooLarge(t *testing.T) {
	old := MaxArticleBytes
	MaxArticleBytes = 100
	t.Cleanup(func() { MaxArticleBytes = old })
	dir := t.TempDir()
	big := strings.Repeat("word ", 40) // 200 bytes
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("text file", func(t *testing.T) {
		p := write("big.txt", big)
		_, err := ReadFile(p)
		checkInvalid(t, err, p+": too large (200 bytes; the limit is 100 bytes)")
	})
	t.Run("bytes", func(t *testing.T) {
		_, err := ReadBytes("big.md", []byte(big))
		checkInvalid(t, err, "big.md: too large")
	})
	t.Run("JSON Lines line", func(t *testing.T) {
		p := write("big.jsonl", `{"text": "fine"}`+"\n"+`{"text": "`+big+`"}`+"\n"+`{"text": "also fine"}`+"\n")
		as, err := ReadFile(p)
		checkInvalid(t, err, p+":2: line too large")
		if len(as) != 2 || as[1].Text != "also fine" {
			t.Errorf("got %d articles, want the 2 good ones", len(as))
		}
	})
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.txt")
	_, err := ReadFile(missing)
	checkInvalid(t, err, "cannot read "+missing, "no such file")
	_, err = ReadFile(dir)
	checkInvalid(t, err, dir+": is a directory")
}

// TestPartialJSON checks that ReadFile returns the good articles of a file
// with bad entries, with an error counting the bad ones.
func TestPartialJSON(t *testing.T) {
	in := "{\"text\": \"one\"}\nnot json\n{\"text\": \"two\"}\n{}\n{\"text\": \"\"}\n"
	as, err := ReadBytes("mixed.jsonl", []byte(in))
	checkInvalid(t, err, "mixed.jsonl:2: malformed JSON", "(and 2 more bad entries)")
	if len(as) != 2 || as[0].Text != "one" || as[1].Text != "two" {
		t.Errorf("got %d articles, want one and two", len(as))
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2021", "2021", true}, {"2021-04", "2021-04", true}, {"2021-04-13", "2021-04-13", true},
		{" 2021-04-13 ", "2021-04-13", true}, {"2021-04-13T10:20:30+02:00", "2021-04-13", true},
		{"2021-04-13 10:20", "2021-04-13", true}, {"2020-02-29", "2020-02-29", true},
		{"2021-02-29", "", false}, {"2021-13", "", false}, {"2021-4", "", false}, {"21-04-13", "", false},
		{"2021/04/13", "", false}, {"April 2021", "", false}, {"", "", false}, {"20x1", "", false},
		{"2021-04-1a", "", false}, {"+021-04-13", "", false},
	}
	for _, tt := range tests {
		got, ok := NormalizeDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestReadStream(t *testing.T) {
	tests := []struct {
		name, in string
		texts    []string
		errs     []string
	}{
		{"<stdin>", "{\"text\": \"One.\"}\n{\"text\": 2}\n{\"text\": \"Three.\"}\n", []string{"One.", "Three."},
			[]string{`<stdin>:2: field "text" is a JSON number, want a string (at column 10)`}},
		{"<stdin>", "{\n  \"text\": \"Pretty-printed object.\"\n}\n", []string{"Pretty-printed object."}, nil},
		{"<stdin>", "date 2020\n\nPlain text from a pipe.", []string{"Plain text from a pipe."}, nil},
		{"<stdin>", "<html><body><p>A page from a pipe.</p></body></html>", []string{"A page from a pipe."}, nil},
		{"feed.txt", "{\"text\": \"Named as text.\"}\n", []string{`{"text": "Named as text."}`}, nil},
		{"<stdin>", "", nil, []string{"<stdin>: empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var texts, errs []string
			err := ReadStream(tt.name, strings.NewReader(tt.in), func(a *schema.Article, err error) error {
				if err != nil {
					errs = append(errs, err.Error())
				} else {
					texts = append(texts, a.Text)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(texts, "|") != strings.Join(tt.texts, "|") || strings.Join(errs, "|") != strings.Join(tt.errs, "|") {
				t.Errorf("got texts %q errors %q, want %q %q", texts, errs, tt.texts, tt.errs)
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		old := MaxArticleBytes
		MaxArticleBytes = 10
		t.Cleanup(func() { MaxArticleBytes = old })
		var got error
		ReadStream("<stdin>", strings.NewReader("Some text longer than ten bytes."), func(_ *schema.Article, err error) error {
			got = err
			return nil
		})
		checkInvalid(t, got, "<stdin>: too large (more than the limit of 10 bytes)")
	})
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, in                    string
		title, date, lang, url, src string
		text                        string
	}{
		{"fallbacks", `<html><head><meta property="og:title" content="OG title"><meta property="og:locale" content="fr_FR">` +
			`<link rel="canonical" href="https://x.example/a"><meta name="date" content="April 13, 2021"></head>` +
			`<body><p>Le texte de la page est ici et il est en français.</p></body></html>`,
			"OG title", "2021-04-13", "fr", "https://x.example/a", "", "Le texte de la page est ici et il est en français."},
		{"h1 title, time element", `<body><article><h1>Heading</h1><time datetime="2020-05-06T10:00">May</time>` +
			`<p>The body of the story is here.</p></article></body>`, "Heading", "2020-05-06", "en", "", "", "Heading\n\nThe body of the story is here."},
		{"unknown date form dropped", `<html lang="en"><head><title>T</title><meta name="date" content="sometime soon">` +
			`<meta property="og:site_name" content="Site"></head><body><p>Text.</p></body></html>`, "T", "", "en", "", "Site", "Text."},
		{"RFC 1123 date", `<head><meta name="pubdate" content="Tue, 13 Apr 2021 10:00:00 GMT"></head><body><p>Text.</p></body>`,
			"", "2021-04-13", "", "", "", "Text."},
		{"no paragraphs: body text", `<body><div>Only a <span>div</span> here</div><ul><li>item</li></ul></body>`,
			"", "", "", "", "", "Only a div here item"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := ReadBytes("p.html", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			a := as[0]
			if a.Title != tt.title || a.Date != tt.date || a.Language != tt.lang || a.URL != tt.url || a.Source != tt.src {
				t.Errorf("got title %q date %q lang %q url %q source %q\nwant %q %q %q %q %q",
					a.Title, a.Date, a.Language, a.URL, a.Source, tt.title, tt.date, tt.lang, tt.url, tt.src)
			}
			if a.Text != tt.text || a.Offset != 0 {
				t.Errorf("Text %q Offset %d, want %q 0", a.Text, a.Offset, tt.text)
			}
		})
	}
}
