-- What the shares are measured against (DESIGN.md §3.4–3.5, §8; issue 11).
--
-- node_denominator: per province or commune and year, what its own staff entered (each figure may be unknown):
-- households, clans, villages and residential groups (thôn, tổ dân phố), organisations that can be learning units
-- (agencies, schools, enterprises, army units), the staff of those organisations, adults. A higher level's
-- denominator is its own entry, else the complete sum of its children's (computed when read, never stored).
CREATE TABLE node_denominator (
    node_id       bigint      NOT NULL REFERENCES org_unit (id),
    year          smallint    NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    households    bigint CHECK (households BETWEEN 0 AND 100000000),
    clans         bigint CHECK (clans BETWEEN 0 AND 100000000),
    villages      bigint CHECK (villages BETWEEN 0 AND 100000000),
    organisations bigint CHECK (organisations BETWEEN 0 AND 100000000),
    staff         bigint CHECK (staff BETWEEN 0 AND 200000000),
    adults        bigint CHECK (adults BETWEEN 0 AND 200000000),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    varchar(50) NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year)
);
-- the dashboards read a year's rows of many nodes at once
CREATE INDEX node_denominator_year_idx ON node_denominator (year, node_id);

-- Households were kept beside the population (V8) before; they move here, where the shares read them.
INSERT INTO node_denominator (node_id, year, households, updated_by)
SELECT node_id, year, households, updated_by FROM node_population WHERE households IS NOT NULL;
COMMENT ON COLUMN node_population.households IS 'superseded by node_denominator.households (V25); no longer read';

-- node_target: the shares a node sets itself for a year, in percent (0–100, one decimal), each may be unset. The
-- country's are the national programme's; a node without its own takes its nearest ancestor's, and the country
-- in a year without its own takes the latest earlier year's.
CREATE TABLE node_target (
    node_id        bigint       NOT NULL REFERENCES org_unit (id),
    year           smallint     NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    family         numeric(4, 1) CHECK (family BETWEEN 0 AND 100),
    clan           numeric(4, 1) CHECK (clan BETWEEN 0 AND 100),
    community      numeric(4, 1) CHECK (community BETWEEN 0 AND 100),
    unit           numeric(4, 1) CHECK (unit BETWEEN 0 AND 100),
    citizen_adults numeric(4, 1) CHECK (citizen_adults BETWEEN 0 AND 100),
    citizen_staff  numeric(4, 1) CHECK (citizen_staff BETWEEN 0 AND 100),
    source         varchar(200),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    updated_by     varchar(50)  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year)
);

-- The national programme's targets, shipped: Decision 387/QĐ-TTg of 25/3/2022 (learning families, clans,
-- communities, units) and Decision 677/QĐ-TTg of 3/6/2022 (learning citizens), for 2025 and 2030.
INSERT INTO node_target (node_id, year, family, clan, community, unit, citizen_adults, citizen_staff, source, updated_by)
SELECT id, 2025, 70, 65, 65, 80, 40, 60, 'QĐ 387/QĐ-TTg (25/3/2022); QĐ 677/QĐ-TTg (3/6/2022)', 'system'
FROM org_unit WHERE level = 0
UNION ALL
SELECT id, 2030, 85, 75, 75, 90, 60, 80, 'QĐ 387/QĐ-TTg (25/3/2022); QĐ 677/QĐ-TTg (3/6/2022)', 'system'
FROM org_unit WHERE level = 0;

-- Ethnic-minority members (any ethnicity other than Kinh, code 1) roll up like Party members: joined and departed
-- per node and year. The member roll-up functions that fill them are in R__shares.sql.
ALTER TABLE rollup_members ADD COLUMN minority_joined bigint NOT NULL DEFAULT 0,
                           ADD COLUMN minority_departed bigint NOT NULL DEFAULT 0;
ALTER TYPE member_flow ADD ATTRIBUTE minority_joined bigint, ADD ATTRIBUTE minority_departed bigint;

-- Learning citizens registered by an education-promotion board (an agency, school, enterprise, army unit) are the
-- staff side of Decision 677's two shares; those of chapters are the adults' side.
ALTER TABLE rollup_titles ADD COLUMN board_registered bigint NOT NULL DEFAULT 0,
                          ADD COLUMN board_recognised bigint NOT NULL DEFAULT 0;

-- The existing records' new columns, computed directly (the functions of R__shares.sql do not exist yet).
UPDATE rollup_members r SET minority_joined = x.joined, minority_departed = x.departed
FROM (SELECT n.node_id, f.year, sum(f.joined) AS joined, sum(f.departed) AS departed
      FROM (SELECT unit_id, commune_id, province_id, extract(year FROM joined_on)::smallint AS year,
                   1 AS joined, 0 AS departed
            FROM member WHERE ethnicity <> 1
            UNION ALL
            SELECT unit_id, commune_id, province_id, extract(year FROM status_changed_on)::smallint, 0, 1
            FROM member WHERE ethnicity <> 1 AND status <> 'ACTIVE') f
      CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
      GROUP BY n.node_id, f.year) x
WHERE r.node_id = x.node_id AND r.year = x.year;

UPDATE rollup_titles t SET board_registered = x.registered, board_recognised = x.recognised
FROM (SELECT n.node_id, r.year, count(*) AS registered, count(*) FILTER (WHERE r.status = 'RECOGNISED') AS recognised
      FROM title_registration r JOIN org_unit u ON u.id = r.node_id AND u.kind = 'BOARD'
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
      WHERE r.kind = 'CITIZEN' AND r.status <> 'WITHDRAWN'
      GROUP BY n.node_id, r.year) x
WHERE t.node_id = x.node_id AND t.year = x.year AND t.kind = 'CITIZEN';
