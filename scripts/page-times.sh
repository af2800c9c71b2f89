#!/usr/bin/env bash
# Server time of every page at demo scale (issue 19 #12): signs in, opens each page N times with curl and prints the
# median of %{time_total} (curl on the same machine, so this is server time plus loopback).
# Usage: scripts/page-times.sh [base-url] [user] [runs] [pages-file]   (one path a line; default: the list below)
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
USER_NAME=${2:-admin}
RUNS=${3:-5}
PASSWORD=${ANJIAN_DEMO_PASSWORD:-Anjian@2023}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" \
     --data-urlencode "_csrf=$csrf" "$BASE/login"
if [ -z "${4:-}" ]; then
  pages="/ /accidents /accidents/statistics /accidents/violations /admin/users /checks /chemicals /chemical-products /chemical/fuel-users
/chemical/key-processes /chemical/pipelines /chemical/storage-gaps /credit-records /credit-repairs /enterprises /enterprises/compliance
/enterprises/due /enterprises/map /enterprises/outlets /enterprises/rules /experts /experts/evaluations /hazards /hazards/dashboard
/inspections /inspections/indicators /inspections/leads /inspections/plans /major-hazard-sources /major-hazard-sources/map
/monitoring/alarms /monitoring/sensors /organization /penalty-cases /permits /public-reports /public/credit-records
/public/enforcement /public/random-draws /risk /risk/map /standardization /standardization/rates /training/certificates
/training/records /trusteeship /trusteeship/agencies"
else
  pages=$(cat "$4")
fi
printf '%-34s %6s %8s  %s\n' page status median_ms "runs_ms"
for p in $pages; do
  times=()
  status=""
  for ((i = 0; i < RUNS; i++)); do
    out=$(curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' "$BASE$p")
    status=${out% *}
    times+=("$(awk -v t="${out#* }" 'BEGIN { printf "%d", t * 1000 }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  printf '%-34s %6s %8s  %s\n' "$p" "$status" "$median" "${times[*]}"
done
