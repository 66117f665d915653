#!/usr/bin/env bash
# Side-by-side benchmark: kg's end-to-end ingest (extraction included) and
# query latency, beside Cayley's own loader and HTTP query API over the same
# quads, for generated corpora of the given sizes.
#
#   bench/run.sh [SIZE...]          default: 10000
#   KG_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/test?sslmode=disable bench/run.sh 10000
#     (adds PostgreSQL: an empty database, one size per run; Cayley's HTTP API
#     then reads that same database)
#   KG_BENCH_RUNS=20 (runs per query, default 50)  KG_BENCH_KEEP=DIR (keep the stores)
#
# It builds kg, and Cayley's command from the Go module cache in a temp
# folder (never committed), generates the corpus with `kg gen`, and prints
# for each size and store: articles/s, quads/s, peak memory, Cayley's
# `cayley load` quads/s on the exported N-Quads, and p50/p99 of the five
# analyst queries of `kg bench` (GraphQL over HTTP) beside the nearest Gizmo
# traversal on `cayley http`. Needs GNU time (/usr/bin/time) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000}")
# KG_BENCH_KEEP=DIR keeps the corpora, stores and binaries in DIR (to query
# them again later); by default everything goes to a temp folder, removed.
if [ -n "${KG_BENCH_KEEP:-}" ]; then
  mkdir -p "$KG_BENCH_KEEP"
  work=$(cd "$KG_BENCH_KEEP" && pwd)
else
  work=$(mktemp -d)
fi
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${KG_BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/kg" ./cmd/kg
cayley_version=$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
mkdir -p "$work/cayley-build"
(cd "$work/cayley-build" &&
  printf 'module cayleybuild\ngo 1.26\nrequire github.com/cayleygraph/cayley %s\n' "$cayley_version" >go.mod &&
  cp "$OLDPWD/go.sum" . &&
  GOFLAGS=-mod=mod go build -o "$work/cayley" github.com/cayleygraph/cayley/cmd/cayley)

rss() { awk '/Maximum resident/ {printf "%.0f MiB", $6/1024}' "$1"; }
port=18600

echo "# kg benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | awk '{print $3}')"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n.jsonl"
  "$work/kg" gen --count "$n" --out "$corpus"
  stores=("bbolt:$work/kg-$n.db")
  [ -n "${KG_BENCH_POSTGRES:-}" ] && stores+=("postgres:$KG_BENCH_POSTGRES")
  for entry in "${stores[@]}"; do
    kind=${entry%%:*}
    store=${entry#*:}
    start=$(date +%s.%N)
    /usr/bin/time -v "$work/kg" load --quiet --store "$store" "$corpus" 2>"$work/load.log" || { tail -5 "$work/load.log"; exit 1; }
    secs=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {print a - b}')
    quads=$(grep -o 'loaded [0-9]* article(s) ([0-9]* quads' "$work/load.log" | grep -o '([0-9]*' | tr -d '(')
    skipped=$(grep -o 'skipped [0-9]*' "$work/load.log" | grep -o '[0-9]*' || true)
    if [ "${skipped:-0}" -gt 0 ]; then
      echo "bench: $store already held $skipped of the articles (kept from an earlier run?), so the rates would be wrong: remove it, or give KG_BENCH_POSTGRES an empty database" >&2
      exit 1
    fi
    echo
    echo "## $n articles on $kind"
    printf '| ingest | articles/s | quads/s | peak memory |\n|---|---|---|---|\n'
    printf '| kg load (extraction included) | %.0f | %.0f | %s |\n' "$(awk -v a="$n" -v b="$secs" 'BEGIN {print a / b}')" "$(awk -v a="$quads" -v b="$secs" 'BEGIN {print a / b}')" "$(rss "$work/load.log")"
    if [ "$kind" = bbolt ]; then
      # Cayley's own loader on the same quads, into its own bolt store.
      "$work/kg" export --store "$store" >"$work/export.nq"
      total=$(wc -l <"$work/export.nq")
      cdb="$work/cayley-$n-$kind"
      "$work/cayley" init --db bolt --dbpath "$cdb" 2>/dev/null
      start=$(date +%s.%N)
      /usr/bin/time -v "$work/cayley" load --db bolt --dbpath "$cdb" -i "$work/export.nq" 2>"$work/cload.log" >/dev/null
      secs=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {print a - b}')
      printf '| cayley load (bolt, the same %s quads, no extraction) | - | %.0f | %s |\n' "$total" "$(awk -v a="$total" -v b="$secs" 'BEGIN {print a / b}')" "$(rss "$work/cload.log")"
      cargs=(--db bolt --dbpath "$cdb")
    else
      # Cayley's HTTP API reads the very database kg wrote (Cayley's own
      # tables); its SQL loader is not run on the same quads: about 7,000
      # quads/s here, 9 min at 10k articles, hours at 100k.
      cargs=(--db postgres --dbpath "$store")
    fi
    port=$((port + 2))
    "$work/kg" serve --store "$store" --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
    pids+=($!)
    "$work/cayley" http "${cargs[@]}" --host "127.0.0.1:$((port + 1))" >"$work/chttp.log" 2>&1 &
    pids+=($!)
    # Cayley's HTTP server reads its whole store before it listens (36 s
    # at 100k articles): wait for both servers.
    for u in "http://127.0.0.1:$port/" "http://127.0.0.1:$((port + 1))/"; do
      for _ in $(seq 600); do curl -s -o /dev/null "$u" && break; sleep 1; done
    done
    echo
    "$work/kg" bench --url "http://127.0.0.1:$port/query" --cayley "http://127.0.0.1:$((port + 1))" --n "${KG_BENCH_RUNS:-50}" || true
    kill "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
    pids=()
  done
done
