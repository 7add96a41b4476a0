#!/usr/bin/env bash
# Saving a member under load (called by run.sh with the app's port and the duration): a chapter secretary of a
# generated unit of Phường Hạ Long POSTs the add-member form; the roll-up upkeep is part of every save.
set -euo pipefail
APPPORT=$1
DURATION=$2
PGPORT=${BENCH_PG_PORT:-55433}
q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d khuyenhoc -Atq -c "$1"; }
UNIT_ID=$(q "SELECT u.id FROM org_unit u JOIN org_unit c ON c.id = u.parent_id WHERE c.code = '06688' AND u.level = 3 AND u.active ORDER BY u.id LIMIT 1")
q "INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
   VALUES ('bench-chapter', '{noop}bench12345', 'Bench chapter', 'CHAPTER', $UNIT_ID) ON CONFLICT DO NOTHING" >/dev/null
jar=$(mktemp)
csrf=$(curl -s -c "$jar" "http://localhost:$APPPORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=bench-chapter&password=bench12345&_csrf=$csrf" "http://localhost:$APPPORT/login"
form_csrf=$(curl -s -b "$jar" -c "$jar" "http://localhost:$APPPORT/units/$UNIT_ID/members/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
cookie=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar"); rm -f "$jar"
before=$(q "SELECT count(*) FROM member WHERE unit_id = $UNIT_ID")
for users in 1 50; do
  threads=$(( users < 2 ? 1 : 2 ))
  line=$(COOKIE="$cookie" CSRF="$form_csrf" JOINED_ON="$(date +%Y-%m-%d)" wrk -t"$threads" -c"$users" -d"$DURATION" \
      -s bench/save-member.lua "http://localhost:$APPPORT/units/$UNIT_ID/members" | grep RESULT)
  printf '%-22s %3s users  %s\n' "save a member" "$users" "${line#RESULT }"
done
echo "save a member: $(( $(q "SELECT count(*) FROM member WHERE unit_id = $UNIT_ID") - before )) members really saved"
