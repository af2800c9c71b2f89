#!/usr/bin/env bash
# Issue 16 (part A) benchmark, not a test: against a running application with the demo district
# (e.g. java -jar target/anjian-*.jar --server.port=8201 --anjian.monitoring.mqtt.enabled=false),
#  1. recomputes this month's scores of every town and department N times through
#     POST /api/v1/assessment/recompute (the server's own figure, durationMs, and curl's total time),
#  2. reads the stored result N times: the 五色图 page (/assessment, with a session), the ranking
#     (/api/v1/assessment/scores) and one town's score page (/assessment/scores/TOWN/{id}).
# Goals: recomputation < 5 s; pages from the stored result < 200 ms.
# Usage: scripts/assessment-benchmark.sh [base-url] [runs]
set -euo pipefail
BASE="${1:-http://localhost:8201}"
RUNS="${2:-20}"
USER_NAME="${ANJIAN_BENCH_USER:-admin}"
PASSWORD="${ANJIAN_DEMO_PASSWORD:-Anjian@2023}"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" \
  "$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# a page session through the real sign-in form (CSRF token from the form)
CSRF=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/login" | python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
curl -sf -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"

stats() { # name, then one number (ms) per line on stdin
  python3 -c '
import sys, statistics
name = sys.argv[1]
v = sorted(float(x) for x in sys.stdin if x.strip())
p = lambda q: v[min(len(v) - 1, int(round(q * (len(v) - 1))))]
print(f"{name:<48} n={len(v):<3} min={v[0]:8.1f}  p50={p(0.5):8.1f}  p90={p(0.9):8.1f}  max={v[-1]:8.1f} ms")' "$1"
}

echo "== recomputation (POST /api/v1/assessment/recompute), $RUNS runs"
SERVER=""; WALL=""
for i in $(seq "$RUNS"); do
  OUT=$(curl -sf -w ' %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/assessment/recompute")
  SERVER+="$(echo "${OUT% *}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["durationMs"])')"$'\n'
  WALL+="$(python3 -c "print(${OUT##* } * 1000)")"$'\n'
done
UNITS=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/assessment/recompute" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')
echo "units scored per run: $UNITS"
printf '%s' "$SERVER" | stats "server durationMs"
printf '%s' "$WALL" | stats "curl total (request + computation + commit)"

TOWN=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/assessment/scores?unitKind=TOWN" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["scores"][0]["unitId"])')
echo "== reads from the stored result, $RUNS runs each (after 3 warm-up requests)"
timed() { # name, curl args...
  local name="$1"; shift
  for i in 1 2 3; do curl -sf -o /dev/null "$@"; done
  local t=""
  for i in $(seq "$RUNS"); do t+="$(curl -sf -o /dev/null -w '%{time_total}' "$@" | python3 -c 'import sys; print(float(sys.stdin.read()) * 1000)')"$'\n'; done
  printf '%s' "$t" | stats "$name"
}
timed "GET /assessment (五色图 page, session)" -b "$JAR" "$BASE/assessment"
timed "GET /assessment/map/data (map JSON, session)" -b "$JAR" "$BASE/assessment/map/data"
timed "GET /assessment/scores/TOWN/{id} (score page)" -b "$JAR" "$BASE/assessment/scores/TOWN/$TOWN"
timed "GET /api/v1/assessment/scores (ranking, token)" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/assessment/scores"
