package extract

import (
	"sort"

	"github.com/newsgraph/kg/schema"
)

// output assembles the Extraction: the entities the article mentions, and
// every fact, in a stable order.
func (d *doc) output() *schema.Extraction {
	ex := &schema.Extraction{Article: *d.a, Entities: []schema.Entity{}, Roles: []schema.Role{},
		Statements: []schema.Statement{}, Events: []schema.Event{}}
	used := map[string]bool{}
	for _, e := range d.order {
		if e.count > 0 {
			used[e.id] = true
		}
	}
	for _, e := range d.order {
		if !used[e.id] {
			continue
		}
		aliases := append([]string{}, e.aliases...)
		sort.Strings(aliases)
		ex.Entities = append(ex.Entities, schema.Entity{ID: e.id, Name: e.name, Type: e.typ, Aliases: aliases,
			SameAs: e.sameAs, Mentions: e.count})
	}
	sort.Slice(ex.Entities, func(i, j int) bool { return ex.Entities[i].ID < ex.Entities[j].ID })
	for _, r := range d.roles {
		if used[r.Person] && (r.Of == "" || used[r.Of]) {
			ex.Roles = append(ex.Roles, r)
		}
	}
	sort.SliceStable(ex.Roles, func(i, j int) bool {
		a, b := ex.Roles[i], ex.Roles[j]
		if a.Person != b.Person {
			return a.Person < b.Person
		}
		if a.Of != b.Of {
			return a.Of < b.Of
		}
		return a.Role < b.Role
	})
	for _, s := range d.statements {
		if used[s.Speaker] {
			if s.AccordingTo != "" && !used[s.AccordingTo] {
				s.AccordingTo = ""
			}
			if s.Target != "" && !used[s.Target] {
				s.Target = ""
			}
			ex.Statements = append(ex.Statements, s)
		}
	}
	sort.SliceStable(ex.Statements, func(i, j int) bool {
		a, b := ex.Statements[i], ex.Statements[j]
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		if a.Evidence.End != b.Evidence.End {
			return a.Evidence.End < b.Evidence.End
		}
		return a.Speaker < b.Speaker
	})
	for _, e := range d.events {
		var ps []string
		for _, p := range e.Participants {
			if used[p] {
				ps = append(ps, p)
			}
		}
		if ps == nil {
			ps = []string{}
		}
		sort.Strings(ps)
		e.Participants = ps
		if e.Place != "" && !used[e.Place] {
			e.Place = ""
		}
		ex.Events = append(ex.Events, e)
	}
	sort.SliceStable(ex.Events, func(i, j int) bool {
		a, b := ex.Events[i], ex.Events[j]
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		return a.Type < b.Type
	})
	return ex
}
