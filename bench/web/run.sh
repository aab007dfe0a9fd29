#!/usr/bin/env bash
# Load test of the web server with wrk on loopback (see bench/README.md, "Web server").
#   bench/web/run.sh [seconds]          WARM=30 (seconds of warm-up load before each screening step)
# 1. baselines: GET /health (Javalin and Jetty with nothing behind them), and the HTTP floor of the
#    screening API: POST /api/v1/screen/call with a body that is not JSON (400, no decision, no write)
# 2. screening: POST /api/v1/screen/call at 32 connections, detectors on (the default) and off
# 3. overload: 256 connections against 8 screening permits: refused requests answer 503, and the
#    history must hold exactly as many rows as requests answered 200 (no accepted write lost)
# 4. pages with 100,000 history events: GET / and GET /history, one connection
# Prints wrk's figures and the server's CPU seconds for each step. Needs wrk, sqlite3, python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
secs="${1:-15}"
work="$(mktemp -d)"
port=18190
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

start() { # DATA [serve options...]
  local data="$1"; shift
  "$root/dunshield" --data "$data" serve --port "$port" "$@" > "$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && return 0; sleep 0.2; done
  echo "server did not start"; cat "$work/serve.log"; exit 1
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$(pgrep -P "$server_pid" java || echo "$server_pid")/stat"; }
step() { # NAME wrk-args...
  local name="$1"; shift
  local c0; c0="$(cpu)"
  echo "== $name"
  wrk "$@" 2>&1 | grep -E "Requests/sec|status|p50|Non-2xx|Socket errors|requests in"
  echo "server CPU seconds: $(echo "$(cpu) - $c0" | bc)"
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/dunshield" --version > /dev/null 2>&1 || true

start "$work/data"
step "warm-up" -t2 -c32 -d"${WARM:-30}s" -s "$root/bench/web/screen.lua" "http://127.0.0.1:$port"
step "baseline GET /health" -t2 -c32 -d"${secs}s" -s "$root/bench/web/health.lua" "http://127.0.0.1:$port/health"
MALFORMED=1 step "floor: screening API, body not JSON (400), 32 connections" -t2 -c32 -d"${secs}s" -s "$root/bench/web/screen.lua" "http://127.0.0.1:$port"
step "screening, detectors on, 32 connections" -t2 -c32 -d"${secs}s" -s "$root/bench/web/screen.lua" "http://127.0.0.1:$port"
stop

mkdir -p "$work/off"
printf 'call-bombing.enabled=false\nsms-bombing.enabled=false\nredial.enabled=false\none-ring.enabled=false\n' \
  > "$work/off/detection.properties"
start "$work/off"
step "warm-up" -t2 -c32 -d"${WARM:-30}s" -s "$root/bench/web/screen.lua" "http://127.0.0.1:$port"
step "screening, detectors off, 32 connections" -t2 -c32 -d"${secs}s" -s "$root/bench/web/screen.lua" "http://127.0.0.1:$port"
stop

mkdir -p "$work/over"
cp "$work/off/detection.properties" "$work/over/"
start "$work/over" --screening-permits 8
out="$(step "overload: 256 connections, 8 permits" -t2 -c256 -d"${secs}s" --timeout 10s -s "$root/bench/web/screen.lua" "http://127.0.0.1:$port")"
echo "$out"
stop
ok="$(echo "$out" | awk '/status 200:/ {print $3}')"
rows="$(sqlite3 "$work/over/dunshield.db" 'SELECT COUNT(*) FROM history')"
# a request wrk gave up on (its timeout) may still have been accepted and stored: rows >= answered 200
echo "answered 200: ${ok:-0}; history rows: $rows; $([ "$rows" -ge "${ok:-0}" ] && echo 'no accepted write lost' || echo 'WRITES LOST')"

python3 "$root/bench/web/seed-sms.py" 100000 "$work/sms.xml"
"$root/dunshield" --data "$work/pages" import "$work/sms.xml" > /dev/null
start "$work/pages"
curl -s -o /dev/null "http://127.0.0.1:$port/"
# a number no event has: the number filter walks all 100,000 events (its worst case)
for page in "/" "/history" "/history?number=170" "/history?number=%2B8619900000000" "/history?q=%E9%80%BE%E6%9C%9F"; do
  step "page $page, 100,000 events, 1 connection" -t1 -c1 -d"${secs}s" -s "$root/bench/web/pages.lua" "http://127.0.0.1:$port$page"
done
stop
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
