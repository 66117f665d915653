#!/bin/sh
# Runs the graphql-http GraphQL-over-HTTP audit (--strict: every MUST and
# SHOULD audit must pass) against the real handler over the seeded memory
# store, then the Go test that does the same in-process (TestAudit, forced
# with KG_TEST_AUDIT=1). For CI, from the repository root:
#
#	resolvers/httpapi/testdata/audit.sh [CHECKS_DIR]
#
# CHECKS_DIR is the shared checks folder (default: $KG_CHECKS_SRC, else
# ../shared/checks next to the repository); it may be read-only: the npm
# dependencies are installed into a temporary copy. Needs go, node and npm.
set -eu

root=$(cd "$(dirname "$0")/../../.." && pwd)
src=${1:-${KG_CHECKS_SRC:-$root/../shared/checks}}
[ -f "$src/audit.mjs" ] || { echo "audit.sh: no audit.mjs in $src" >&2; exit 2; }

tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

cp -r "$src/." "$tmp/checks"
(cd "$tmp/checks" && npm install --silent --no-audit --no-fund)

cd "$root"
go build -o "$tmp/server" ./resolvers/httpapi/testdata/server
"$tmp/server" -addr 127.0.0.1:0 -addr-file "$tmp/url" -quiet >/dev/null &
pid=$!
i=0
while [ ! -s "$tmp/url" ]; do
	i=$((i + 1))
	[ $i -le 100 ] || { echo "audit.sh: the test server did not start" >&2; exit 1; }
	sleep 0.1
done
url=$(cat "$tmp/url")

node "$tmp/checks/audit.mjs" "$url/query" --strict
KG_TEST_AUDIT=1 KG_CHECKS_DIR="$tmp/checks" go test -count=1 -run 'TestAudit$' -v ./resolvers/httpapi/
