-- Issue 13 (figures): the functions and triggers that periods, money by kind and units as they stood add (tables in
-- V30). The current text of every function and trigger of this work that no other feature owns, in one place
-- (repeatable migration, run after all versioned ones; it sorts before R__funds, R__members and R__rollup, whose
-- SQL functions use half_of()). The functions of other features that this work changed keep their place, with
-- their new text: member_flows and member_rollup_add (R__members), fund_entry_rollup (R__funds),
-- rollup_titles_apply, rollup_titles_trigger, rollup_records_rebuild and rollup_rebuild, the rollup_units trigger,
-- the tables that notify the dashboards and the one-off rebuild V30 asks for (R__rollup).
--
-- Halves: 1 = 1 January to 30 June, 2 = 1 July to 31 December. A member joins and departs, and a fund entry
-- counts, in the half of its date. A learning-title registration of year Y counts as registered in half 1 when it
-- was recorded by 30 June of Y (otherwise half 2), and as recognised in half 1 when its decision is dated by then.

-- ---- halves ---------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION half_of(d date) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN extract(month FROM d) <= 6 THEN 1 ELSE 2 END::smallint
$$;

-- The half of year y that date d counts in: 1 when d is known and not after 30 June of y, else 2.
CREATE OR REPLACE FUNCTION half_of_year(d date, y int) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN d IS NOT NULL AND d <= make_date(y, 6, 30) THEN 1 ELSE 2 END::smallint
$$;

-- ---- units as they stood --------------------------------------------------------------------------------------
-- A unit's changes to the number of units alive: +sign in the half it was founded, -sign in the half it was
-- dissolved (alive at a half's end = founded by then and not dissolved by then).
CREATE OR REPLACE FUNCTION unit_events(founded date, dissolved date, sign int)
    RETURNS TABLE (year smallint, half smallint, delta int) LANGUAGE sql IMMUTABLE AS $$
    SELECT extract(year FROM founded)::smallint, half_of(founded), sign
    UNION ALL
    SELECT extract(year FROM dissolved)::smallint, half_of(dissolved), -sign WHERE dissolved IS NOT NULL
$$;

-- A grassroots unit's chapters or boards flows, at its commune, province and the central node (node id order).
CREATE OR REPLACE FUNCTION rollup_unit_flows_apply(unit org_unit, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_unit_flows AS r (node_id, year, half, chapters, boards)
    SELECT n.node_id, e.year, e.half,
           sum(CASE WHEN unit.kind = 'CHAPTER' THEN e.delta ELSE 0 END),
           sum(CASE WHEN unit.kind = 'BOARD' THEN e.delta ELSE 0 END)
    FROM (VALUES (split_part(unit.path, '/', 2)::bigint), (split_part(unit.path, '/', 3)::bigint),
                 (split_part(unit.path, '/', 4)::bigint)) n (node_id)
    CROSS JOIN unit_events(unit.founded_on, unit.dissolved_on, sign) e
    GROUP BY n.node_id, e.year, e.half
    HAVING sum(e.delta) <> 0
    ORDER BY n.node_id, e.year, e.half
    ON CONFLICT (node_id, year, half) DO UPDATE
        SET chapters = r.chapters + EXCLUDED.chapters, boards = r.boards + EXCLUDED.boards
$$;

-- A commune has an association at a half's end when at least one of its units is alive then. Its own rows of
-- rollup_unit_flows hold the halves in which that began (+1) or ended (-1); this recomputes them from its units
-- and adds the difference to the commune's, its province's and the central node's rows.
CREATE OR REPLACE FUNCTION rollup_commune_association(commune bigint) RETURNS void LANGUAGE sql AS $$
    WITH events AS (
        SELECT e.year, e.half, sum(e.delta) AS delta
        FROM org_unit g CROSS JOIN LATERAL unit_events(g.founded_on, g.dissolved_on, 1) e
        WHERE g.parent_id = commune AND g.level = 3
        GROUP BY e.year, e.half
    ), running AS (
        SELECT year, half, sum(delta) OVER (ORDER BY year, half) AS alive FROM events
    ), wanted AS (
        SELECT year, half,
               CASE WHEN lag(alive, 1, 0::numeric) OVER w = 0 AND alive > 0 THEN 1
                    WHEN lag(alive, 1, 0::numeric) OVER w > 0 AND alive = 0 THEN -1 ELSE 0 END AS change
        FROM running WINDOW w AS (ORDER BY year, half)
    ), difference AS (
        SELECT year, half, sum(change) AS change
        FROM (SELECT year, half, change FROM wanted
              UNION ALL
              SELECT year, half, -communes FROM rollup_unit_flows WHERE node_id = commune AND communes <> 0) d
        GROUP BY year, half
        HAVING sum(change) <> 0
    )
    INSERT INTO rollup_unit_flows AS r (node_id, year, half, communes)
    SELECT n.node_id, d.year, d.half, d.change
    FROM difference d
    CROSS JOIN (SELECT split_part(c.path, '/', 2)::bigint AS central, c.province_id, c.id FROM org_unit c
                WHERE c.id = commune) c
    CROSS JOIN LATERAL (VALUES (c.central), (c.province_id), (c.id)) n (node_id)
    ORDER BY n.node_id, d.year, d.half
    ON CONFLICT (node_id, year, half) DO UPDATE SET communes = r.communes + EXCLUDED.communes
$$;

CREATE OR REPLACE FUNCTION rollup_unit_flows_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.level <> 3 THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.kind, OLD.founded_on, OLD.dissolved_on) IS NOT DISTINCT FROM (NEW.kind, NEW.founded_on, NEW.dissolved_on) THEN
            RETURN NULL;
        END IF;
        PERFORM rollup_unit_flows_apply(OLD, -1);
    END IF;
    PERFORM rollup_unit_flows_apply(NEW, 1);
    PERFORM rollup_commune_association(NEW.parent_id);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER rollup_unit_flows AFTER INSERT OR UPDATE OF kind, founded_on, dissolved_on, active ON org_unit
    FOR EACH ROW EXECUTE FUNCTION rollup_unit_flows_trigger();

-- A grassroots unit's active flag and dissolution date say the same thing, whoever writes: setting dissolved_on
-- deactivates, clearing it reactivates; deactivating without a date dissolves it today (Vietnam's date), and
-- reactivating clears the date. A founding or dissolution date in a closed year cannot be set or moved.
CREATE OR REPLACE FUNCTION org_unit_span() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
BEGIN
    IF NEW.level <> 3 THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.dissolved_on IS NOT NULL THEN
            NEW.active := false;
        ELSIF NOT NEW.active THEN
            NEW.dissolved_on := greatest(today, NEW.founded_on);
        END IF;
        PERFORM require_open_year(extract(year FROM NEW.founded_on)::int);
        PERFORM require_open_year(extract(year FROM NEW.dissolved_on)::int);
        RETURN NEW;
    END IF;
    IF NEW.dissolved_on IS DISTINCT FROM OLD.dissolved_on THEN
        NEW.active := NEW.dissolved_on IS NULL;
    ELSIF NEW.active <> OLD.active THEN
        NEW.dissolved_on := CASE WHEN NEW.active THEN NULL ELSE greatest(today, NEW.founded_on) END;
    END IF;
    IF NEW.founded_on IS DISTINCT FROM OLD.founded_on THEN
        PERFORM require_open_year(extract(year FROM OLD.founded_on)::int);
        PERFORM require_open_year(extract(year FROM NEW.founded_on)::int);
    END IF;
    IF NEW.dissolved_on IS DISTINCT FROM OLD.dissolved_on THEN
        PERFORM require_open_year(extract(year FROM OLD.dissolved_on)::int);
        PERFORM require_open_year(extract(year FROM NEW.dissolved_on)::int);
    END IF;
    RETURN NEW;
END;
$$;

-- (named to fire after org_unit_place, which sets the level of a new node)
CREATE OR REPLACE TRIGGER org_unit_span BEFORE INSERT OR UPDATE ON org_unit
    FOR EACH ROW EXECUTE FUNCTION org_unit_span();

-- ---- rebuilding -----------------------------------------------------------------------------------------------
-- The unit flows from the tree, with the triggers' definitions.
CREATE OR REPLACE FUNCTION rollup_unit_flows_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM rollup_unit_flows;
    WITH events AS (
        SELECT g.parent_id AS commune_id, g.path, g.kind, e.year, e.half, e.delta
        FROM org_unit g CROSS JOIN LATERAL unit_events(g.founded_on, g.dissolved_on, 1) e
        WHERE g.level = 3
    ), by_commune AS (
        SELECT commune_id, year, half, sum(delta) AS delta FROM events GROUP BY commune_id, year, half
    ), running AS (
        SELECT commune_id, year, half, sum(delta) OVER (PARTITION BY commune_id ORDER BY year, half) AS alive
        FROM by_commune
    ), association AS (
        SELECT commune_id, year, half,
               CASE WHEN lag(alive, 1, 0::numeric) OVER w = 0 AND alive > 0 THEN 1
                    WHEN lag(alive, 1, 0::numeric) OVER w > 0 AND alive = 0 THEN -1 ELSE 0 END AS change
        FROM running WINDOW w AS (PARTITION BY commune_id ORDER BY year, half)
    ), flows AS (
        SELECT n.node_id, e.year, e.half,
               CASE WHEN e.kind = 'CHAPTER' THEN e.delta ELSE 0 END AS chapters,
               CASE WHEN e.kind = 'BOARD' THEN e.delta ELSE 0 END AS boards, 0 AS communes
        FROM events e
        CROSS JOIN LATERAL (VALUES (split_part(e.path, '/', 2)::bigint), (split_part(e.path, '/', 3)::bigint),
                                   (split_part(e.path, '/', 4)::bigint)) n (node_id)
        UNION ALL
        SELECT n.node_id, a.year, a.half, 0, 0, a.change
        FROM association a JOIN org_unit c ON c.id = a.commune_id
        CROSS JOIN LATERAL (VALUES (split_part(c.path, '/', 2)::bigint), (c.province_id), (c.id)) n (node_id)
        WHERE a.change <> 0
    )
    INSERT INTO rollup_unit_flows (node_id, year, half, chapters, boards, communes)
    SELECT node_id, year, half, sum(chapters), sum(boards), sum(communes)
    FROM flows
    GROUP BY node_id, year, half
    HAVING sum(chapters) <> 0 OR sum(boards) <> 0 OR sum(communes) <> 0
    ORDER BY node_id, year, half;
$$;

