#!/usr/bin/env bash
# The national figures of a year two ways, timed inside PostgreSQL (EXPLAIN ANALYZE's execution time, median of 5):
# naive = live GROUP BY over the raw member, registration and fund tables, per province;
# roll-up = the same figures from the roll-up tables, as the dashboard reads them (34 provinces' rows).
set -euo pipefail
PGPORT=${1:-55433}
YEAR=${2:-$(date +%Y)}
q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d khuyenhoc -Atq -c "$1"; }
median_ms() { # EXPLAIN ANALYZE the query 5 times, print the median execution time in ms
  for _ in 1 2 3 4 5; do
    q "EXPLAIN (ANALYZE, FORMAT JSON) $1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'
  done | sort -g | sed -n 3p
}
NAIVE_MEMBERS="SELECT province_id, count(*) FILTER (WHERE joined_on <= DATE '$YEAR-12-31' AND (status = 'ACTIVE' OR status_changed_on > DATE '$YEAR-12-31')),
  count(*) FILTER (WHERE extract(year FROM joined_on) = $YEAR),
  count(*) FILTER (WHERE party_member AND joined_on <= DATE '$YEAR-12-31' AND (status = 'ACTIVE' OR status_changed_on > DATE '$YEAR-12-31'))
  FROM member GROUP BY province_id"
NAIVE_TITLES="SELECT province_id, kind, count(*) FILTER (WHERE status <> 'WITHDRAWN'), count(*) FILTER (WHERE status = 'RECOGNISED')
  FROM title_registration WHERE year = $YEAR GROUP BY province_id, kind"
NAIVE_FUNDS="SELECT province_id, sum(amount) FILTER (WHERE direction = 'RECEIPT' AND year = $YEAR), sum(amount) FILTER (WHERE direction = 'DISBURSEMENT' AND year = $YEAR),
  sum(balance_effect) FROM fund_entry WHERE year <= $YEAR GROUP BY province_id"
PROVINCES="(SELECT id FROM org_unit WHERE level = 1)"
PROVINCE_IDS="ARRAY[$(q "SELECT string_agg(id::text, ',') FROM org_unit WHERE level = 1")]"
ROLLUP_MEMBERS="SELECT node_id, sum(joined - departed), sum(joined) FILTER (WHERE year = $YEAR), sum(party_joined - party_departed)
  FROM rollup_members WHERE node_id = ANY($PROVINCE_IDS) AND year <= $YEAR GROUP BY node_id"
ROLLUP_TITLES="SELECT node_id, kind, registered, recognised FROM rollup_titles WHERE node_id = ANY($PROVINCE_IDS) AND year = $YEAR"
ROLLUP_FUNDS="SELECT node_id, sum(raised) FILTER (WHERE year = $YEAR), sum(disbursed) FILTER (WHERE year = $YEAR), sum(raised - disbursed)
  FROM rollup_funds WHERE node_id = ANY($PROVINCE_IDS) AND year <= $YEAR GROUP BY node_id"
printf '%-10s %14s %14s %10s\n' "figures" "naive (ms)" "roll-up (ms)" "speed-up"
for part in MEMBERS TITLES FUNDS; do
  naive_var="NAIVE_$part"; rollup_var="ROLLUP_$part"
  n=$(median_ms "${!naive_var}"); r=$(median_ms "${!rollup_var}")
  printf '%-10s %14.1f %14.3f %9.0fx\n' "$part" "$n" "$r" "$(python3 -c "print($n / max($r, 0.001))")"
done
echo "rows: $(q "SELECT to_char(count(*), 'FM999,999,999') FROM member") members, $(q "SELECT to_char(count(*), 'FM999,999,999') FROM title_registration WHERE year = $YEAR") registrations in $YEAR, $(q "SELECT to_char(count(*), 'FM999,999,999') FROM fund_entry") fund entries"
