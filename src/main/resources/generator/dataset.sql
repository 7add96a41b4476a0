-- The data set generator: a country of the real shape (34 provinces, 3,321 communes) at a chosen scale
-- (1.0 = ~150,000 grassroots units, 34 million members, ~20 million title registrations a year, a few million
-- fund entries a year), written set-based (INSERT … SELECT over generate_series), never row by row.
-- Run through DatasetGenerator (java -jar … --khuyenhoc.generate.scale=1.0, or the tests at 0.01), which loads
-- members and registrations in parallel parts (rows whose unit id % parts = part) with the tables' secondary
-- indexes dropped and session_replication_role = replica (no per-row triggers, no foreign-key checks): these
-- functions therefore place every row themselves (province_id, commune_id from the unit, as the member_place and
-- title_registration_place triggers would) and generate only valid references and unique subjects, which the
-- rebuilt unique indexes and DatasetGeneratorTest check. Fund entries go through the ledger's own triggers. The
-- roll-ups are rebuilt once at the end by rollup_rebuild(), the same definition the exactness test checks.

-- Communes the generator leaves alone (the demo's own commune, whose records the demo enters itself): no units,
-- members, registrations or fund entries are generated there. Empty for the benchmark and the tests.
CREATE UNLOGGED TABLE IF NOT EXISTS generator.excluded_commune (commune_id bigint PRIMARY KEY);

-- Grassroots units: ~45 per commune at scale 1.0 (at least one), 70 % chapters, 30 % boards, each founded on a
-- day between 1995 and 2020.
CREATE OR REPLACE FUNCTION generator.units(scale numeric) RETURNS bigint LANGUAGE sql AS $$
    WITH inserted AS (
        INSERT INTO org_unit (parent_id, level, kind, name, founded_on)
        SELECT c.id, 3,
               CASE WHEN g.i % 10 < 7 THEN 'CHAPTER' ELSE 'BOARD' END,
               CASE WHEN g.i % 10 < 7 THEN 'Chi hội ' || (ARRAY['Thôn', 'Tổ dân phố', 'Xóm', 'Bản', 'Ấp'])[1 + g.i % 5] || ' ' || g.i
                    ELSE 'Ban khuyến học ' || (ARRAY['Trường Tiểu học', 'Trường THCS', 'Trường Mầm non', 'Trạm Y tế',
                                                     'Công ty', 'Hợp tác xã', 'Đồn Biên phòng', 'UBND'])[1 + g.i % 8] || ' số ' || g.i END,
               -- founded between 1995 and 2020, so that every generated year has its network (issue 13)
               DATE '1995-01-01' + (random() * 9131)::int
        FROM (SELECT id, greatest(1, round(45 * scale * (0.5 + random()))::int) AS units
              FROM org_unit WHERE level = 2 AND id NOT IN (SELECT commune_id FROM generator.excluded_commune)) c
        CROSS JOIN LATERAL generate_series(1, c.units) AS g(i)
        RETURNING 1)
    SELECT count(*) FROM inserted
$$;

-- Population of every province and commune for the years, ~101 million people in all at the last year.
CREATE OR REPLACE FUNCTION generator.populations(first_year int, last_year int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO node_population (node_id, year, population, households, updated_by)
    SELECT c.id, y, p, round(p / 3.6), 'generator'
    FROM org_unit c
    CROSS JOIN LATERAL (SELECT 15000 + (hashint8(c.id) % 30000 + 30000) % 30000 AS base) b
    CROSS JOIN generate_series(first_year, last_year) AS y
    CROSS JOIN LATERAL (SELECT round(b.base * power(1.01, y - last_year))::bigint AS p) q
    WHERE c.level = 2
    ON CONFLICT (node_id, year) DO NOTHING;
    INSERT INTO node_population (node_id, year, population, households, updated_by)
    SELECT c.province_id, p.year, sum(p.population), sum(p.households), 'generator'
    FROM node_population p JOIN org_unit c ON c.id = p.node_id AND c.level = 2
    WHERE p.year BETWEEN first_year AND last_year
    GROUP BY c.province_id, p.year
    ON CONFLICT (node_id, year) DO NOTHING;
    -- the shares' denominators of every commune (issue 11); provinces and the country then show their communes' sums
    INSERT INTO node_denominator (node_id, year, households, clans, villages, organisations, staff, adults, updated_by)
    SELECT p.node_id, p.year, p.households, greatest(1, p.households / 40), greatest(3, p.households / 300),
           greatest(2, p.population / 1500), greatest(20, p.population / 1500 * 28), round(p.population * 0.72), 'generator'
    FROM node_population p JOIN org_unit c ON c.id = p.node_id AND c.level = 2
    WHERE p.year BETWEEN first_year AND last_year
    ON CONFLICT (node_id, year) DO NOTHING;
    -- written in replica mode (a plan of the reporting trigger's, cached on an empty annual_report, made each row
    -- scan it: minutes for 20,000 rows), so the reporting module's row of each province and commune and year that
    -- trigger would have opened (report_record_changed) is opened here
    INSERT INTO annual_report (node_id, year, state)
    SELECT c.id, y, 'IN_PROGRESS' FROM org_unit c CROSS JOIN generate_series(first_year, last_year) y WHERE c.level IN (1, 2)
    ON CONFLICT DO NOTHING;
$$;

-- Members: ~34 million at scale 1.0, spread over the units (a unit's count varies ±50 %), joined 1996-now with
-- more in recent years, 12 % departed (10 % left, 2 % deceased), a quarter Party members, women a little more
-- than half. Card numbers come from the national sequence, as the application issues them.
CREATE OR REPLACE FUNCTION generator.members(scale numeric, last_year int, part int, parts int) RETURNS bigint
    LANGUAGE sql AS $$
    WITH units AS (
        -- each unit's size drawn here, per row (a random() in generate_series's arguments that refers to no
        -- column of the row would be drawn once for all units)
        SELECT u.id, u.parent_id AS commune_id, u.province_id, p.code AS province_code,
               greatest(1, round(34000000 * scale / (SELECT count(*) FROM org_unit a WHERE a.level = 3 AND a.active)
                                 * (0.5 + random()))::int) AS members
        FROM org_unit u JOIN org_unit p ON p.id = u.province_id
        WHERE u.level = 3 AND u.active AND u.id % parts = part
          AND u.parent_id NOT IN (SELECT commune_id FROM generator.excluded_commune)
    ), inserted AS (
        INSERT INTO member (province_id, commune_id, unit_id, card_number, full_name, gender, birth_year, ethnicity, party_member, phone,
                            address, joined_on, status, status_changed_on)
        SELECT u.province_id, u.commune_id, u.id,
               u.province_code || '-' || lpad(nextval('member_card_seq')::text, 8, '0'),
               generator.full_name(r.female, random(), random(), random()),
               CASE WHEN r.female THEN 'FEMALE' ELSE 'MALE' END,
               r.birth_year, CASE WHEN random() < 0.86 THEN 1 ELSE 2 + floor(random() * 53)::int END,
               random() < 0.25,
               CASE WHEN random() < 0.6 THEN '09' || lpad(floor(random() * 100000000)::text, 8, '0') END,
               'Số ' || (1 + floor(random() * 200)::int) || ', tổ ' || (1 + floor(random() * 30)::int),
               r.joined_on,
               CASE WHEN r.fate < 0.10 THEN 'LEFT' WHEN r.fate < 0.12 THEN 'DECEASED' ELSE 'ACTIVE' END,
               CASE WHEN r.fate < 0.12
                    THEN least(make_date(last_year, 11, 30), r.joined_on + (1 + floor(random() * 2500))::int) END
        FROM units u
        CROSS JOIN LATERAL generate_series(1, u.members) g(i)
        CROSS JOIN LATERAL (SELECT random() < 0.52 AS female, 1940 + floor(random() * 66)::int AS birth_year,
                                   make_date(1996, 10, 2) + floor(power(random(), 0.6) * (make_date(last_year, 11, 30) - make_date(1996, 10, 2)))::int AS joined_on,
                                   random() AS fate, g.i AS i) r
        RETURNING 1)
    SELECT count(*) FROM inserted
$$;

-- Learning-title registrations of each year: families (~45 % of a unit's members), citizens (~10 %), one
-- community per chapter, two clans and two learning units per commune. Years before the last are evaluated:
-- three in four recognised by a commune decision, the rest not; the last year is still open for evaluation.
-- The members of each unit, counted once before the registration parts run.
CREATE UNLOGGED TABLE IF NOT EXISTS generator.unit_size (unit_id bigint PRIMARY KEY, members bigint NOT NULL);

CREATE OR REPLACE FUNCTION generator.count_unit_sizes() RETURNS bigint LANGUAGE sql AS $$
    TRUNCATE generator.unit_size;
    INSERT INTO generator.unit_size (unit_id, members) SELECT unit_id, count(*) FROM member GROUP BY unit_id;
    SELECT count(*) FROM generator.unit_size;
$$;

CREATE OR REPLACE FUNCTION generator.registrations(scale numeric, first_year int, last_year int, part int, parts int)
    RETURNS bigint LANGUAGE sql AS $$
    WITH unit_size AS (
        SELECT u.id, u.parent_id AS commune_id, u.province_id, u.name, u.kind, s.members
        FROM generator.unit_size s JOIN org_unit u ON u.id = s.unit_id WHERE u.id % parts = part
          AND u.parent_id NOT IN (SELECT commune_id FROM generator.excluded_commune)
    ), communes AS (
        SELECT c.id, c.province_id, c.name FROM org_unit c WHERE c.level = 2 AND c.id % parts = part
          AND c.id NOT IN (SELECT commune_id FROM generator.excluded_commune)
    ), subjects AS (
        SELECT s.id AS node_id, s.commune_id, s.province_id, y AS year, 'FAMILY' AS kind, generator.full_name(g.i % 10 < 3, random(), random(), random()) AS name,
               'Số nhà ' || g.i || ', ' || s.name AS address, (2 + floor(random() * 5))::int AS household_size,
               NULL::varchar AS representative, NULL::varchar AS unit_type, NULL::int AS birth_year
        FROM unit_size s CROSS JOIN generate_series(first_year, last_year) y
        CROSS JOIN LATERAL generate_series(1, greatest(0, round(s.members * 0.45))::int) g(i)
        UNION ALL
        SELECT s.id, s.commune_id, s.province_id, y, 'CITIZEN', generator.full_name(g.i % 2 = 0, random(), random(), random()) || ' ' || g.i,
               NULL, NULL, NULL, NULL, 1950 + (g.i % 55)
        FROM unit_size s CROSS JOIN generate_series(first_year, last_year) y
        CROSS JOIN LATERAL generate_series(1, greatest(0, round(s.members * 0.10))::int) g(i)
        UNION ALL
        SELECT s.id, s.commune_id, s.province_id, y, 'COMMUNITY', 'Cộng đồng ' || s.name, NULL, NULL, NULL, NULL, NULL
        FROM unit_size s CROSS JOIN generate_series(first_year, last_year) y WHERE s.kind = 'CHAPTER'
        UNION ALL
        SELECT c.id, c.id, c.province_id, y, 'CLAN', 'Dòng họ ' || generator.family_name(random()) || ' ' || g.i, NULL, NULL,
               generator.full_name(false, random(), random(), random()), NULL, NULL
        FROM communes c CROSS JOIN generate_series(first_year, last_year) y CROSS JOIN generate_series(1, 2) g(i)
        UNION ALL
        SELECT c.id, c.id, c.province_id, y, 'UNIT', (ARRAY['Trường Tiểu học ', 'Trường THCS '])[g.i] || c.name, NULL, NULL, NULL,
               (ARRAY['SCHOOL', 'SCHOOL'])[g.i], NULL
        FROM communes c CROSS JOIN generate_series(first_year, last_year) y CROSS JOIN generate_series(1, 2) g(i)
    ), inserted AS (
        INSERT INTO title_registration (province_id, commune_id, node_id, year, kind, subject_name, address, household_size, representative,
                                        unit_type, birth_year, status, decision_number, decision_date,
                                        recognising_level, evaluated_at, evaluated_by, created_by, recognising_node_id)
        SELECT s.province_id, s.commune_id, s.node_id, s.year, s.kind, s.name, s.address, s.household_size, s.representative, s.unit_type,
               s.birth_year, e.status,
               CASE WHEN e.status = 'RECOGNISED' THEN (100 + s.node_id % 800) || '/QĐ-KH' END,
               CASE WHEN e.status = 'RECOGNISED' THEN make_date(s.year, 12, 20) END,
               CASE WHEN e.status = 'RECOGNISED' THEN 'COMMUNE' END,
               CASE WHEN e.status <> 'REGISTERED' THEN make_date(s.year, 12, 20)::timestamptz END,
               CASE WHEN e.status <> 'REGISTERED' THEN 'generator' END,
               'generator', s.commune_id -- every generated kind is the commune's to recognise (V61)
        FROM subjects s
        CROSS JOIN LATERAL (SELECT CASE WHEN s.year = last_year THEN 'REGISTERED'
                                        WHEN random() < 0.75 THEN 'RECOGNISED' ELSE 'NOT_RECOGNISED' END AS status) e
        RETURNING 1)
    SELECT count(*) FROM inserted
$$;

-- Fund entries of each year at every commune and unit: about ten receipts in the first half of the year and
-- eight disbursements in the second (each ~6 % of the year's receipts, so no fund is ever overdrawn).
-- Loaded like the members (replica mode, the secondary indexes dropped), so what the ledger's trigger
-- (fund_entry_before_insert) decides for each entry is decided here for all of them in one pass, with the ledger's
-- own definitions: the entry's place (province, commune, year), its recording time, its voucher number (per fund,
-- year and direction, after the fund's last, numbered by date), its position in the fund's hash chain (after the
-- fund's head) and its hash (fund_entry_digest over the row, chained by the window aggregate generator.hash_chain
-- below); then the fund's head (entry_count, last_hash) and voucher counters. What the trigger checks is checked
-- here instead: no generated fund's running balance goes below zero on any day (an existing fund's entries have
-- their own non-negative running balance, and the sum of two is non-negative), and the rebuilt unique indexes
-- (voucher numbers, chain positions) and DatasetGeneratorTest (fund_verify over every fund) check the rest.

-- One link of a fund's hash chain: the entry's hash chained to the previous entry's (or, for a fund's first new
-- entry, to the fund's head, seed). As a window aggregate ordered by chain position it yields each entry's hash.
-- (PL/pgSQL, where the SQL function fund_entry_digest is inlined: a third faster than a SQL function here)
CREATE OR REPLACE FUNCTION generator.chain_step(previous bytea, e fund_entry, seed bytea) RETURNS bytea
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN fund_entry_digest(e, coalesce(previous, seed));
END;
$$;

CREATE OR REPLACE AGGREGATE generator.hash_chain(fund_entry, bytea) (SFUNC = generator.chain_step, STYPE = bytea);

CREATE OR REPLACE FUNCTION generator.funds(scale numeric, first_year int, last_year int, part int, parts int) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    written   bigint;
    overdrawn bigint;
BEGIN
    CREATE TEMP TABLE generated_receipt ON COMMIT DROP AS
    SELECT n.id AS node_id, y AS year, g.i,
           make_date(y, 1 + floor(random() * 6)::int, 1 + floor(random() * 28)::int) AS entry_date,
           (ARRAY['INDIVIDUAL_DONATION', 'BUSINESS_DONATION', 'MEMBER_CONTRIBUTION', 'OVERSEAS_VIETNAMESE',
                  'OTHER_RECEIPT'])[1 + floor(random() * 5)::int] AS category,
           (500000 + floor(random() * 40) * 250000)::bigint AS amount
    FROM (SELECT n.id, y, greatest(1, round(10 * least(1, scale * 10) * (0.5 + random())))::int AS receipts
          FROM org_unit n CROSS JOIN generate_series(first_year, last_year) y
          WHERE n.level IN (2, 3) AND n.active AND n.id % parts = part
            AND (n.level = 2 OR random() < least(1, scale * 10))
            AND NOT EXISTS (SELECT 1 FROM generator.excluded_commune x WHERE x.commune_id IN (n.id, n.parent_id))) n
    CROSS JOIN LATERAL generate_series(1, n.receipts) g(i);

    -- the new entries as a clerk would type them
    CREATE TEMP TABLE generated_entry ON COMMIT DROP AS
    SELECT node_id, entry_date, 'RECEIPT'::varchar AS direction, category, amount,
           CASE WHEN random() < 0.8 THEN generator.full_name(i % 2 = 0, random(), random(), random()) END AS counterparty,
           NULL::int AS people_reached
    FROM generated_receipt
    UNION ALL
    SELECT t.node_id, make_date(t.year, 7 + floor(random() * 6)::int, 1 + floor(random() * 28)::int), 'DISBURSEMENT',
           c.category, greatest(1, floor(t.total * 0.06))::bigint, 'Học sinh ' || generator.full_name(g.i % 2 = 0, random(), random(), random()),
           CASE WHEN c.category = 'OPERATIONS' THEN NULL ELSE 1 + floor(random() * 20)::int END
    FROM (SELECT node_id, year, sum(amount) AS total FROM generated_receipt GROUP BY node_id, year) t
    CROSS JOIN generate_series(1, 8) g(i)
    CROSS JOIN LATERAL (SELECT (ARRAY['SCHOLARSHIP_UNDERPRIVILEGED', 'SCHOLARSHIP_DISABLED', 'SCHOLARSHIP_GIFTED_DISADVANTAGED',
                                      'AWARD_STUDENTS', 'AWARD_TEACHERS', 'SUPPORT_TEACHERS_IN_DIFFICULTY',
                                      'AWARD_STUDENTS', 'OPERATIONS'])[g.i] AS category) c;

    -- the trigger's balance check, for all of them at once: every day's closing balance of the new entries
    SELECT count(*) INTO overdrawn FROM (
        SELECT sum(sum(CASE WHEN direction = 'RECEIPT' THEN amount ELSE -amount END))
                   OVER (PARTITION BY node_id ORDER BY entry_date) AS balance
        FROM generated_entry GROUP BY node_id, entry_date) d
    WHERE d.balance < 0;
    IF overdrawn > 0 THEN
        RAISE EXCEPTION 'generator: % fund days would be overdrawn', overdrawn;
    END IF;

    -- what the trigger decides: place, year, voucher number, chain position, then (in chain order) id and hash
    CREATE TEMP TABLE generated_ledger ON COMMIT DROP AS
    WITH placed AS (
        SELECT e.*, n.province_id, CASE n.level WHEN 2 THEN n.id ELSE n.parent_id END AS commune_id,
               extract(YEAR FROM e.entry_date)::smallint AS year, f.last_hash AS seed,
               coalesce(f.entry_count, 0) + row_number() OVER (PARTITION BY e.node_id ORDER BY e.entry_date, e.direction DESC, e.amount, e.counterparty) AS chain_seq,
               (coalesce(c.last_number, 0) + row_number() OVER (PARTITION BY e.node_id, extract(YEAR FROM e.entry_date), e.direction
                                                                 ORDER BY e.entry_date, e.amount, e.counterparty))::int AS voucher_seq
        FROM generated_entry e
        JOIN org_unit n ON n.id = e.node_id
        LEFT JOIN fund f ON f.node_id = e.node_id
        LEFT JOIN fund_voucher_counter c
               ON c.node_id = e.node_id AND c.year = extract(YEAR FROM e.entry_date) AND c.direction = e.direction
    ), numbered AS (
        SELECT nextval(pg_get_serial_sequence('fund_entry', 'id')) AS id, p.*,
               CASE p.direction WHEN 'RECEIPT' THEN 'PT' ELSE 'PC' END || '-' || p.year || '-'
                   || lpad(p.voucher_seq::text, greatest(4, length(p.voucher_seq::text)), '0') AS voucher_number,
               now() AS recorded_at
        FROM (SELECT * FROM placed ORDER BY node_id, chain_seq) p
    )
    SELECT n.*, generator.hash_chain(
               ROW(n.id, n.province_id, n.commune_id, n.node_id, n.year, n.entry_date, n.direction, n.category, n.amount,
                   CASE WHEN n.direction = 'RECEIPT' THEN n.amount ELSE -n.amount END, n.counterparty, n.people_reached,
                   n.voucher_seq, n.voucher_number, NULL, NULL, NULL, 'generator', n.recorded_at, n.chain_seq, NULL, NULL
               )::fund_entry, n.seed) OVER (PARTITION BY n.node_id ORDER BY n.chain_seq) AS entry_hash
    FROM numbered n;

    INSERT INTO fund (node_id, entry_count, last_hash)
    SELECT DISTINCT ON (node_id) node_id, chain_seq, entry_hash FROM generated_ledger ORDER BY node_id, chain_seq DESC
    ON CONFLICT (node_id) DO UPDATE SET entry_count = EXCLUDED.entry_count, last_hash = EXCLUDED.last_hash;

    INSERT INTO fund_voucher_counter AS c (node_id, year, direction, last_number)
    SELECT node_id, year, direction, max(voucher_seq) FROM generated_ledger GROUP BY node_id, year, direction
    ON CONFLICT (node_id, year, direction) DO UPDATE SET last_number = EXCLUDED.last_number;

    INSERT INTO fund_entry (id, province_id, commune_id, node_id, year, entry_date, direction, category, amount, counterparty,
                            people_reached, voucher_seq, voucher_number, recorded_by, recorded_at, chain_seq, entry_hash)
        OVERRIDING SYSTEM VALUE
    SELECT id, province_id, commune_id, node_id, year, entry_date, direction, category, amount, counterparty,
           people_reached, voucher_seq, voucher_number, 'generator', recorded_at, chain_seq, entry_hash
    FROM generated_ledger ORDER BY id;
    GET DIAGNOSTICS written = ROW_COUNT;

    -- the reporting module's row of each commune and year the entries are dated in (report_record_changed)
    INSERT INTO annual_report (node_id, year, state)
    SELECT DISTINCT commune_id, year, 'IN_PROGRESS' FROM generated_ledger WHERE commune_id IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN written;
END;
$$;
