package httpapi_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/newsgraph/kg/resolvers/httpapi"
)

// chromiumPath finds the browser for TestBrowserPlayground: $KG_CHROMIUM,
// else chromium or google-chrome on the PATH.
func chromiumPath() string {
	if p := os.Getenv("KG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowserPlayground opens the playground in headless Chromium with the
// network closed except to this machine, runs the first example tab (the
// central query) with GraphiQL's run button and reads the answer in the
// result pane. It also fails if the page asked for anything not on the test
// server. It runs when a Chromium is installed, or always with
// KG_TEST_BROWSER=1 (then a missing browser is a failure). The screenshot
// goes to $KG_SCREENSHOT_DIR when set (kept), else to a temporary folder.
func TestBrowserPlayground(t *testing.T) {
	forced := os.Getenv("KG_TEST_BROWSER") == "1"
	browser := chromiumPath()
	if browser == "" {
		if forced {
			t.Fatal("KG_TEST_BROWSER=1 but no chromium found (apt-get install chromium, or set KG_CHROMIUM)")
		}
		t.Skip("skipping the browser test: no chromium installed (apt-get install chromium; KG_TEST_BROWSER=1 forces it)")
	}
	if testing.Short() && !forced {
		t.Skip("skipping the browser test in -short mode")
	}
	srv := newServer(t, httpapi.Config{})

	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	ctx, cancel = chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true),
		// Close the network: every non-loopback request goes to a proxy
		// nobody listens on (loopback bypasses proxies), and no name
		// resolves but localhost.
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
	)
	defer cancel()
	ctx, cancel = chromedp.NewContext(ctx)
	defer cancel()

	// Record every request the page makes, from before the navigation.
	var (
		mu       sync.Mutex
		requests []string
	)
	if err := chromedp.Do(ctx); err != nil { // start the browser and the tab
		t.Fatalf("start %s: %v", browser, err)
	}
	go func() {
		for ev, err := range chromedp.Events(ctx, network.RequestWillBeSent) {
			if err != nil {
				return
			}
			mu.Lock()
			requests = append(requests, ev.Request.URL)
			mu.Unlock()
		}
	}()
	messages := chromedp.Console(ctx)

	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".graphiql-execute-button")),
	)
	if err != nil {
		t.Fatalf("open the playground: %v", err)
	}
	// The first tab holds the central query; wait for the editor to show it
	// and for GraphiQL to have loaded the schema (introspection), then run.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`document.querySelector('.graphiql-query-editor') !== null &&
		 document.querySelector('.graphiql-query-editor').innerText.includes('WhoExpressedConcern')`)); err != nil {
		t.Fatalf("the query editor does not show the example: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".graphiql-execute-button"))); err != nil {
		t.Fatalf("click run: %v", err)
	}
	answer, err := chromedp.Run(ctx, chromedp.Poll[string](
		`(() => { const r = document.querySelector('.result-window');
		          const s = r ? r.innerText : '';
		          return s.includes('Maison Blanche') ? s : false; })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("no answer in the result pane: %v", err)
	}
	for _, want := range []string{"Joe Biden", "EXPRESS_CONCERN", "Maison Blanche", "2021-04-13"} {
		if !strings.Contains(answer, want) {
			t.Errorf("the result pane lacks %q:\n%s", want, answer)
		}
	}

	// The documentation explorer shows the schema GraphiQL introspected:
	// the introspection query passed the depth and cost limits.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[aria-label*="Documentation Explorer"]`))); err != nil {
		t.Fatalf("open the documentation explorer: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(document.querySelector('.graphiql-doc-explorer') || {innerText: ''}).innerText.includes('StatementConnection')`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the documentation explorer does not show the schema: %v", err)
	}

	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("KG_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	png := filepath.Join(dir, "playground.png")
	if err := os.WriteFile(png, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", png, len(shot))

	cancel() // end the tab so the event and console iterators stop
	mu.Lock()
	defer mu.Unlock()
	for _, want := range []string{srv.URL + "/assets/graphiql.min.js", srv.URL + "/query"} {
		if !slices.Contains(requests, want) {
			t.Errorf("no request for %s recorded in %v", want, requests)
		}
	}
	for _, u := range requests {
		if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the page requested %s, outside the server", u)
		}
	}
	for m, err := range messages {
		if err != nil {
			break
		}
		if m.IsException() {
			t.Errorf("page exception: %s", m)
		}
	}
}
