package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
)

// TestConcurrentClientsDuringLoad: 50 clients query while articles are
// ingested through the same server; no request fails and every answer is a
// consistent page (totalCount never below the number of edges returned).
func TestConcurrentClientsDuringLoad(t *testing.T) {
	p := openPipeline(t, "memory:")
	srv := httptest.NewServer(httpapi.NewHandler(resolvers.New(p.Store, p), httpapi.Config{Log: discardLog()}))
	defer srv.Close()

	post := func(body map[string]any) (map[string]any, error) {
		b, _ := json.Marshal(body)
		resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return nil, err
		}
		if resp.StatusCode != 200 || out["errors"] != nil {
			return nil, fmt.Errorf("status %d: %v", resp.StatusCode, out["errors"])
		}
		return out, nil
	}

	const articles, clients, queriesEach = 30, 50, 8
	errs := make(chan error, articles+clients*queriesEach)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < articles; i++ {
			a := synthArticle(11, i)
			_, err := post(map[string]any{
				"query":     `mutation($t: String!, $d: String) { ingestArticle(input: {text: $t, date: $d}) { created } }`,
				"variables": map[string]any{"t": a.Text, "d": a.Date},
			})
			if err != nil {
				errs <- fmt.Errorf("ingest %d: %w", i, err)
			}
		}
	}()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := 0; q < queriesEach; q++ {
				out, err := post(map[string]any{"query": `{ statements(first: 20) { totalCount edges { node { speaker { name } article { date } } } } }`})
				if err != nil {
					errs <- err
					continue
				}
				conn := out["data"].(map[string]any)["statements"].(map[string]any)
				if n := len(conn["edges"].([]any)); float64(n) > conn["totalCount"].(float64) {
					errs <- fmt.Errorf("torn page: %d edges, totalCount %v", n, conn["totalCount"])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
