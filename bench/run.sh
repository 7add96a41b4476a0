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
# the packaged app on it, and prints per page p50/p95/p99 and throughput under 1 and 50 concurrent users (wrk),
# then the same national figures computed the naive way (live GROUP BY over the raw tables) against the roll-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${1:-0.1}
DURATION=${2:-15s}
WARMUP=${BENCH_WARMUP:-300s}
OUT=bench/out
PGDATA=$PWD/$OUT/pg-$SCALE
PGPORT=${BENCH_PG_PORT:-55433}
APPPORT=${BENCH_APP_PORT:-18090}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"; }; }
need wrk wrk
[ -n "$PGBIN" ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
psql_bench() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d khuyenhoc -v ON_ERROR_STOP=1 "$@"; }

echo "== building the app"
./mvnw -q -B -DskipTests package
JAR=$(ls target/khuyenhoc-*.jar | head -1)

if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"; chown -R postgres "$PGDATA" 2>/dev/null || true
  as_postgres "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 >/dev/null"
fi
chown -R postgres "$PGDATA" 2>/dev/null || true
as_postgres "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=4GB -c work_mem=64MB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c max_connections=200' start" >/dev/null
trap 'kill $APP_PID 2>/dev/null || true; as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true' EXIT
APP_PID=

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/khuyenhoc"
export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres
export KHUYENHOC_ADMIN_USERNAME=national KHUYENHOC_ADMIN_PASSWORD=bench12345

if [ ! -f "$PGDATA/generated.ok" ]; then
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c "DROP DATABASE IF EXISTS khuyenhoc" >/dev/null
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE khuyenhoc" >/dev/null
  echo "== generating the data set at scale $SCALE (once; reused by later runs)"
  /usr/bin/time -f "GENERATED wall %e s, max RSS %M KB" java -jar "$JAR" --spring.main.web-application-type=none \
      --khuyenhoc.generate.scale="$SCALE" --logging.level.root=WARN | tee "$OUT/generate-$SCALE.txt"
  psql_bench -c "VACUUM ANALYZE" >/dev/null
  touch "$PGDATA/generated.ok"
fi

# Accounts for the province and commune dashboards (Quảng Ninh, Phường Hạ Long), password bench12345.
PROVINCE_ID=$(psql_bench -Atc "SELECT id FROM org_unit WHERE code = '22'")
COMMUNE_ID=$(psql_bench -Atc "SELECT id FROM org_unit WHERE code = '06688'")
CENTRAL_ID=$(psql_bench -Atc "SELECT id FROM org_unit WHERE level = 0")
psql_bench -q -c "INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id) VALUES
  ('bench-province', '{noop}bench12345', 'Bench province', 'PROVINCE', $PROVINCE_ID),
  ('bench-commune', '{noop}bench12345', 'Bench commune', 'COMMUNE', $COMMUNE_ID)
  ON CONFLICT DO NOTHING" >/dev/null

echo "== starting the app on :$APPPORT"
java -Xmx2g -jar "$JAR" --server.port="$APPPORT" --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$APPPORT/actuator/health" >/dev/null && break; sleep 1; done

login() { # prints the session cookie of a fresh sign-in
  local jar; jar=$(mktemp)
  local csrf; csrf=$(curl -s -c "$jar" "http://localhost:$APPPORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=bench12345&_csrf=$csrf" "http://localhost:$APPPORT/login"
  awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar"; rm -f "$jar"
}

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
