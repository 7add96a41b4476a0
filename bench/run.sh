#!/usr/bin/env bash
# Benchmark of the dashboards and of saving a member, on a generated data set of the country's shape.
#
#   bench/run.sh [scale] [duration]      e.g. bench/run.sh 1.0 20s   (defaults: 0.1 and 15s)
#   BENCH_WARMUP=300s (the three dashboards at once, before any measurement: on two busy cores the JIT compiler
#   needs four to five minutes to reach steady state), BENCH_SAVE_WARMUP=60s (saving, likewise),
#   BENCH_PG_PORT=55433, BENCH_APP_PORT=18090
#
# Builds the app, starts a PostgreSQL of its own (Debian's server binaries, data in bench/out/pg-<scale>, kept
# between runs so that a data set is generated once per scale), generates the data set when it is new, starts
# the packaged app on it (all in bench/lib.sh, shared with routes.sh), and prints per page p50/p95/p99 and throughput under 1 and 50 concurrent users (wrk),
# then the same national figures computed the naive way (live GROUP BY over the raw tables) against the roll-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-0.1}
DURATION=${2:-15s}
WARMUP=${BENCH_WARMUP:-300s}
. bench/lib.sh

bench_build
bench_start_postgres
bench_generate

# Accounts for the province and commune dashboards (Quảng Ninh, Phường Hạ Long), password bench-password-2026.
PROVINCE_ID=$(psql_bench -Atc "SELECT id FROM org_unit WHERE code = '22'")
COMMUNE_ID=$(psql_bench -Atc "SELECT id FROM org_unit WHERE code = '06688'")
CENTRAL_ID=$(psql_bench -Atc "SELECT id FROM org_unit WHERE level = 0")
bench_account bench-province PROVINCE "$PROVINCE_ID"
bench_account bench-commune COMMUNE "$COMMUNE_ID"

bench_start_app

YEAR=$(date +%Y)
declare -A PAGES=(
  ["national dashboard"]="national|/units/$CENTRAL_ID/dashboard?year=$YEAR"
  ["province dashboard"]="bench-province|/units/$PROVINCE_ID/dashboard?year=$YEAR"
  ["commune dashboard"]="bench-commune|/units/$COMMUNE_ID/dashboard?year=$YEAR"
)
RESULTS=$OUT/results-$SCALE.txt
: > "$RESULTS"
declare -A COOKIES
for page in "${!PAGES[@]}"; do COOKIES[$page]=$(login "${PAGES[$page]%%|*}"); done
echo "== warming up: the three dashboards at once for $WARMUP"
WARMING=()
for page in "${!PAGES[@]}"; do
  COOKIE="${COOKIES[$page]}" wrk -t1 -c16 -d"$WARMUP" -s bench/dashboard.lua "http://localhost:$APPPORT${PAGES[$page]#*|}" >/dev/null &
  WARMING+=($!)
done
wait "${WARMING[@]}" # not the app's process
for page in "national dashboard" "province dashboard" "commune dashboard"; do
  path=${PAGES[$page]#*|}
  cookie=${COOKIES[$page]}
  for users in 1 50; do
    threads=$(( users < 2 ? 1 : 2 ))
    line=$(COOKIE="$cookie" wrk -t"$threads" -c"$users" -d"$DURATION" -s bench/dashboard.lua "http://localhost:$APPPORT$path" | grep RESULT)
    printf '%-30s %3s users  %s\n' "$page" "$users" "${line#RESULT }" | tee -a "$RESULTS"
  done
done

bash bench/save-member.sh "$APPPORT" "$DURATION" "${COOKIES[national dashboard]}" "${PAGES[national dashboard]#*|}" \
    | tee -a "$RESULTS"

echo "== national figures: naive live GROUP BY over the raw tables vs the roll-ups (median of 5 runs, ms)"
bash bench/naive-vs-rollup.sh "$PGPORT" | tee -a "$RESULTS"
echo "== scale $SCALE: $(psql_bench -Atc "SELECT to_char(count(*), 'FM999,999,999') FROM org_unit WHERE level = 3") units; results in $RESULTS"
