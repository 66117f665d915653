package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/kg/loader"
	"github.com/newsgraph/kg/schema"
)

// ingestMutation is what `kg load --server` sends for each article.
const ingestMutation = `mutation($in: ArticleInput!) { ingestArticle(input: $in) { created quadsAdded } }`

// remoteLoad sends every article under paths to a running `kg serve`
// through its ingestArticle mutation: the way to add articles while the
// server holds the bbolt store.
func remoteLoad(ctx context.Context, server, apiKey string, paths []string, report func(loadResult)) (loadSummary, error) {
	url := strings.TrimSuffix(server, "/")
	if !strings.HasSuffix(url, "/query") {
		url += "/query"
	}
	client := &http.Client{Timeout: 2 * time.Minute}
	var sum loadSummary
	err := loader.Walk(paths, func(a *schema.Article, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r := loadResult{article: a, err: err}
		if err == nil {
			r.added, r.skipped, r.err = postArticle(ctx, client, url, apiKey, a)
		}
		sum.count(r)
		report(r)
		return nil
	})
	return sum, err
}

func postArticle(ctx context.Context, client *http.Client, url, apiKey string, a *schema.Article) (added int, skipped bool, err error) {
	in := map[string]string{"text": a.Text, "title": a.Title, "date": a.Date, "language": a.Language, "url": a.URL, "source": a.Source}
	for k, v := range in {
		if v == "" && k != "text" {
			delete(in, k)
		}
	}
	body, _ := json.Marshal(map[string]any{"query": ingestMutation, "variables": map[string]any{"in": in}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, false, fmt.Errorf("send %s: %w", describe(a), err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	if apiKey != "" {
		req.Header.Set("Authorization", "Bearer "+apiKey)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, false, fmt.Errorf("send %s to %s: %w (is kg serve running there?)", describe(a), url, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var out struct {
		Data *struct {
			IngestArticle *struct {
				Created    bool
				QuadsAdded int
			}
		}
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return 0, false, fmt.Errorf("send %s: server answered %s: %.200s", describe(a), resp.Status, raw)
	}
	if len(out.Errors) > 0 {
		return 0, false, fmt.Errorf("send %s: %s", describe(a), out.Errors[0].Message)
	}
	if out.Data == nil || out.Data.IngestArticle == nil {
		return 0, false, fmt.Errorf("send %s: empty answer from server (%s)", describe(a), resp.Status)
	}
	return out.Data.IngestArticle.QuadsAdded, !out.Data.IngestArticle.Created, nil
}
