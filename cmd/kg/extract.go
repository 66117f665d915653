package main

import (
	"encoding/json"
	"fmt"

	"github.com/newsgraph/kg/loader"
	"github.com/newsgraph/kg/schema"
)

func cmdExtract(e *env, args []string) int {
	fs := newFlags(e, "extract", "kg extract reads articles and prints what the extractor finds, without a store.\n"+
		"With --json it prints one JSON document per article in the format of FORMAT.md.",
		"  kg extract --json ../shared/corpus/dev/01_fr_biden_putin_call.txt")
	asJSON := fs.Bool("json", false, "print JSON (one document per article)")
	lex := lexiconFlag(fs)
	files, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		e.fail("extract: name at least one file (kg extract --help)")
		return exitUsage
	}
	x, err := newExtractor(*lex, nil)
	if err != nil {
		e.fail("extract: %v", err)
		return exitFail
	}
	failed := 0
	walkErr := loader.Walk(files, func(a *schema.Article, err error) error {
		if err != nil {
			failed++
			e.fail("%v", err)
			return nil
		}
		out, err := x.Extract(a)
		if err != nil {
			failed++
			e.fail("extract %s: %v", describe(a), err)
			return nil
		}
		if *asJSON {
			b, err := json.MarshalIndent(out, "", " ")
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s\n", b)
			return nil
		}
		printExtraction(e, out)
		return nil
	})
	if walkErr != nil {
		e.fail("extract: %v", walkErr)
		return exitFail
	}
	if failed > 0 {
		return exitFail
	}
	return exitOK
}

// printExtraction prints a readable summary: who said what, according to whom.
func printExtraction(e *env, x *schema.Extraction) {
	names := map[string]string{}
	for _, en := range x.Entities {
		names[en.ID] = en.Name
	}
	fmt.Fprintf(e.stdout, "%s  %s  [%s] %s\n", x.Article.Path, x.Article.Date, x.Article.Language, x.Article.Title)
	fmt.Fprintf(e.stdout, "  %d entities, %d roles, %d statements, %d events\n",
		len(x.Entities), len(x.Roles), len(x.Statements), len(x.Events))
	for _, s := range x.Statements {
		src := "the article"
		if s.AccordingTo != "" {
			src = names[s.AccordingTo]
		}
		fmt.Fprintf(e.stdout, "  %s %s (according to %s): %s\n", names[s.Speaker], s.Act, src, s.Evidence.Text)
	}
	for _, ev := range x.Events {
		fmt.Fprintf(e.stdout, "  event %s (%s): %s\n", ev.Type, ev.Status, ev.Evidence.Text)
	}
}
