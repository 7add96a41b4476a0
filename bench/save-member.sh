#!/usr/bin/env bash
# Saving a member under load (called by run.sh with the app's port and the duration): chapter secretaries POST the
# add-member form of their own unit; the roll-up upkeep is part of every save. With 1 user, one secretary; with 50,
# fifty secretaries of chapters in fifty different communes across the provinces (as the country's load comes),
# and then fifty sessions of a single chapter's secretary (the worst case: every save updates the same roll-up
# rows of one unit, commune and province, so the saves queue for those rows). Then paced: fifty secretaries each
# saving a member a second (about fifty saves a second, more than the whole country's busiest hour is expected to
# bring), alone and, when a dashboard is given, while fifty users read that dashboard back-to-back — every save
# makes the dashboards read their figures afresh (DashboardCache).
#
#   bench/save-member.sh <app port> <duration> [<dashboard session cookie> <dashboard path>]
set -euo pipefail
APPPORT=$1
DURATION=$2
DASHBOARD_COOKIE=${3:-}
DASHBOARD_PATH=${4:-}
PGPORT=${BENCH_PG_PORT:-55433}
q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d khuyenhoc -Atq -c "$1"; }
# one active unit in each of 50 communes, taken round the provinces
UNITS=$(q "SELECT unit_id FROM (
             SELECT DISTINCT ON (c.id) c.id AS commune_id, c.province_id, u.id AS unit_id,
                    row_number() OVER (PARTITION BY c.province_id ORDER BY c.id) AS nth
             FROM org_unit c JOIN org_unit u ON u.parent_id = c.id AND u.level = 3 AND u.active
             WHERE c.level = 2 ORDER BY c.id, u.id) x
           ORDER BY nth, province_id LIMIT 50")
sign_in() { # <unit id> -> prints "<unit id> <cookie> <csrf>" for a fresh session of that unit's secretary
  local unit=$1 jar; jar=$(mktemp)
  q "INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
     VALUES ('bench-chapter-$unit', '{noop}bench-password-2026', 'Bench chapter', 'CHAPTER', $unit) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash" >/dev/null
  local csrf; csrf=$(curl -s -c "$jar" "http://localhost:$APPPORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=bench-chapter-$unit&password=bench-password-2026&_csrf=$csrf" "http://localhost:$APPPORT/login"
  local form_csrf; form_csrf=$(curl -s -b "$jar" -c "$jar" "http://localhost:$APPPORT/units/$unit/members/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  echo "$unit $(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar") $form_csrf"; rm -f "$jar"
}
ONE=$(mktemp); MANY=$(mktemp); SAME=$(mktemp)
FIRST=$(echo "$UNITS" | head -1)
sign_in "$FIRST" > "$ONE"
for unit in $UNITS; do sign_in "$unit"; done > "$MANY"
for _ in $(seq 1 50); do sign_in "$FIRST"; done > "$SAME"
run() { # <label> <users> <sessions file> [think time ms]
  local threads=$(( $2 < 2 ? 1 : 2 ))
  local line; line=$(SESSIONS="$3" THINK_MS="${4:-}" JOINED_ON="$(date +%Y-%m-%d)" wrk -t"$threads" -c"$2" -d"$DURATION" \
      -s bench/save-member.lua "http://localhost:$APPPORT/" | grep RESULT)
  printf '%-30s %3s users  %s\n' "$1" "$2" "${line#RESULT }"
}
DURATION=${BENCH_SAVE_WARMUP:-60s} run "warm-up" 50 "$MANY" >/dev/null
before=$(q "SELECT count(*) FROM member")
run "save a member" 1 "$ONE"
run "save a member" 50 "$MANY"
run "save, one chapter" 50 "$SAME"
run "save, one a second each" 50 "$MANY" 1000
if [ -n "$DASHBOARD_PATH" ]; then
  SAVES=$(mktemp)
  run "saves, during the dashboard" 50 "$MANY" 1000 > "$SAVES" & # both for $DURATION, started together
  SAVING=$!
  line=$(COOKIE="$DASHBOARD_COOKIE" wrk -t2 -c50 -d"$DURATION" -s bench/dashboard.lua \
      "http://localhost:$APPPORT$DASHBOARD_PATH" | grep RESULT)
  wait "$SAVING"
  printf '%-30s %3s users  %s\n' "dashboard, during the saves" 50 "${line#RESULT }"
  cat "$SAVES"; rm -f "$SAVES"
fi
echo "save a member: $(( $(q "SELECT count(*) FROM member") - before )) members really saved"
rm -f "$ONE" "$MANY" "$SAME"
