// Command server runs httpapi over an in-memory store holding the
// httpapitest seed, so the GraphQL-over-HTTP audit, the schema check and a
// developer's browser can reach the real handler without the kg binary or a
// corpus. It prints "listening on http://HOST:PORT" once it accepts
// connections and stops on SIGINT/SIGTERM.
//
//	go run ./resolvers/httpapi/testdata/server -addr 127.0.0.1:8080
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsgraph/kg/resolvers"
	"github.com/newsgraph/kg/resolvers/httpapi"
	"github.com/newsgraph/kg/resolvers/httpapi/httpapitest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	addrFile := flag.String("addr-file", "", "write the base URL to this file once listening (for scripts)")
	quiet := flag.Bool("quiet", false, "do not log requests")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := httpapitest.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", *addr, err)
	}
	url := "http://" + l.Addr().String()
	if *addrFile != "" {
		if err := os.WriteFile(*addrFile, []byte(url+"\n"), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", *addrFile, err)
		}
	}
	fmt.Println("listening on", url)
	h := httpapi.NewHandler(resolvers.New(st, nil), httpapi.Config{Log: log})
	return httpapi.Serve(ctx, l, h)
}
