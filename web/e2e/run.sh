#!/usr/bin/env bash
# Runs the browser end-to-end test against the real server on a fresh demo database.
#   web/e2e/run.sh path/to/buyalign
# Starts `buyalign serve` on a free port with web/dist, runs e2e.mjs, stops the server.
set -euo pipefail

binary=${1:?usage: web/e2e/run.sh path/to/buyalign}
web=$(cd "$(dirname "$0")/.." && pwd)
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" demo --db "$work/demo.db" >"$work/demo.log" 2>&1
"$binary" serve --db "$work/demo.db" --port 0 --host 127.0.0.1 --web-root "$web/dist" >"$work/serve.log" 2>&1 &
server_pid=$!

# The server prints the port it listens on; wait for it (up to 20 s).
port=
for _ in $(seq 1 200); do
  port=$(grep -oE '127\.0\.0\.1:[0-9]+|port[^0-9]*[0-9]+' "$work/serve.log" 2>/dev/null | grep -oE '[0-9]+$' | head -n1 || true)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log"; echo "web e2e: server exited"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/serve.log"; echo "web e2e: no port printed"; exit 1; }

cd "$web"
BUYALIGN_URL="http://127.0.0.1:$port" node e2e/e2e.mjs
