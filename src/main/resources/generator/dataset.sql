-- The data set generator: a country of the real shape (34 provinces, 3,321 communes) at a chosen scale
-- (1.0 = ~150,000 grassroots units, 34 million members, ~20 million title registrations a year, a few million
-- fund entries a year), written set-based (INSERT … SELECT over generate_series), never row by row.
-- Run through DatasetGenerator (java -jar … --khuyenhoc.generate.scale=1.0, or the tests at 0.01).
-- The roll-up triggers of the record tables are switched off during the load and the roll-ups rebuilt once at
-- the end by rollup_rebuild(), which is the same definition the exactness test checks them against.

-- Grassroots units: ~45 per commune at scale 1.0 (at least one), 70 % chapters, 30 % boards.
CREATE OR REPLACE FUNCTION generator.units(scale numeric) RETURNS bigint LANGUAGE sql AS $$
    WITH inserted AS (
        INSERT INTO org_unit (parent_id, level, kind, name)
        SELECT c.id, 3,
               CASE WHEN g.i % 10 < 7 THEN 'CHAPTER' ELSE 'BOARD' END,
               CASE WHEN g.i % 10 < 7 THEN 'Chi hội ' || (ARRAY['Thôn', 'Tổ dân phố', 'Khu', 'Bản', 'Ấp'])[1 + g.i % 5] || ' ' || g.i
                    ELSE 'Ban khuyến học ' || (ARRAY['Trường Tiểu học', 'Trường THCS', 'Trường Mầm non', 'Trạm Y tế',
                                                     'Công ty', 'Hợp tác xã', 'Đồn Biên phòng', 'UBND'])[1 + g.i % 8] || ' số ' || g.i END
        FROM org_unit c
        CROSS JOIN LATERAL generate_series(1, greatest(1, round(45 * scale * (0.5 + random()))::int)) AS g(i)
        WHERE c.level = 2
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
$$;
