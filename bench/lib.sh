# Sourced by the benchmarks (run.sh, routes.sh): a PostgreSQL of their own on a generated data set, and the packaged
# app on it. Expects SCALE to be set; honours BENCH_PG_PORT (55433) and BENCH_APP_PORT (18090).
#
#   bench_build              builds the jar (JAR)
#   bench_start_postgres     Debian's server binaries, data in bench/out/pg-<scale> (kept: a scale is generated once)
#   bench_generate           generates the data set at SCALE when the data directory has none yet
#   bench_start_app [args]   starts the app on it (extra Spring arguments allowed) and waits until it answers
#   login <username>         prints the session cookie of a fresh sign-in (password bench-password-2026)
#   bench_account <username> <role> <node id>   an account bound to that node, password bench-password-2026
# Both servers are stopped when the calling script exits.
OUT=bench/out
PGDATA=$PWD/$OUT/pg-$SCALE
PGPORT=${BENCH_PG_PORT:-55433}
APPPORT=${BENCH_APP_PORT:-18090}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
APP_PID=
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2"; }; }
need wrk wrk
[ -n "$PGBIN" ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
psql_bench() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d khuyenhoc -v ON_ERROR_STOP=1 "$@"; }

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/khuyenhoc"
export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres
export KHUYENHOC_ADMIN_USERNAME=national KHUYENHOC_ADMIN_PASSWORD=bench-password-2026

bench_build() {
  echo "== building the app"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/khuyenhoc-*.jar | head -1)
}

bench_stop() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true
}

PG_OPTIONS="-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=${BENCH_SHARED_BUFFERS:-4GB} -c work_mem=64MB \
  -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c max_connections=200"
# While the data set is generated, and only then: a bulk load's settings. Index builds and the loads' rows write no
# WAL beyond what recovery strictly needs (wal_level=minimal), and nothing waits for the disk (fsync off). A crash
# during generation loses the data set, which is then generated again: generated.ok is written only at the end.
PG_LOAD_OPTIONS="-c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=2GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off"

pg_start() { # [extra server options]
  as_postgres "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -t 600 -o '$PG_OPTIONS $*' start" >/dev/null
}

bench_start_postgres() {
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"; chown -R postgres "$PGDATA" 2>/dev/null || true
    as_postgres "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 >/dev/null"
  fi
  chown -R postgres "$PGDATA" 2>/dev/null || true
  pg_start
  trap bench_stop EXIT
}

bench_generate() {
  if [ ! -f "$PGDATA/generated.ok" ]; then
    as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null
    pg_start "$PG_LOAD_OPTIONS"
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c "DROP DATABASE IF EXISTS khuyenhoc" >/dev/null
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE khuyenhoc" >/dev/null
    echo "== generating the data set at scale $SCALE (once; reused by later runs)"
    /usr/bin/time -f "GENERATED wall %e s, max RSS %M KB" java -jar "$JAR" --spring.main.web-application-type=none \
        --khuyenhoc.generate.scale="$SCALE" --logging.level.root=WARN --logging.level.vn.khuyenhoc.generator=INFO \
        | tee "$OUT/generate-$SCALE.txt"
    local start=$SECONDS
    psql_bench -c "VACUUM ANALYZE" >/dev/null
    echo "GENERATED vacuum analyze $((SECONDS - start)) s" | tee -a "$OUT/generate-$SCALE.txt"
    psql_bench -c "CHECKPOINT" >/dev/null
    as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null
    pg_start
    touch "$PGDATA/generated.ok"
    du -sh "$PGDATA" | sed 's/^/GENERATED data directory /' | tee -a "$OUT/generate-$SCALE.txt"
  fi
}

bench_start_app() {
  echo "== starting the app on :$APPPORT"
  java -Xmx2g -jar "$JAR" --server.port="$APPPORT" --logging.level.root=WARN "$@" > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://localhost:$APPPORT/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "the app did not start: see $OUT/app.log" >&2
  return 1
}

bench_account() {
  psql_bench -q -c "INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
    VALUES ('$1', '{noop}bench-password-2026', 'Bench $1', '$2', $3) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
      org_unit_id = EXCLUDED.org_unit_id" >/dev/null
}

login() {
  local jar; jar=$(mktemp)
  local csrf; csrf=$(curl -s -c "$jar" "http://localhost:$APPPORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=bench-password-2026&_csrf=$csrf" "http://localhost:$APPPORT/login"
  local cookie; cookie=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar"); rm -f "$jar"
  # a refused sign-in (a password the policy refuses, a one-time password) would measure redirects: say so and stop
  # (the home page redirects to one's unit when signed in, to the sign-in page when not)
  local home; home=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie" "http://localhost:$APPPORT/")
  if [[ "$home" == *"/login"* ]] || [[ "$home" != 200* && "$home" != 302* ]]; then
    echo "signing in as $1 failed (home page answered $home): see $OUT/app.log" >&2
    return 1
  fi
  echo "$cookie"
}
