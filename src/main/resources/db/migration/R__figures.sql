-- Issue 13: the roll-ups' trigger functions and rollup_rebuild() with half-years, money by kind and units by date
-- (tables in V30). This file holds the complete current text of every function it replaces:
--   member_flows, member_rollup_add                    (V5: members' flows now say which half)
--   rollup_titles_apply, rollup_titles_trigger          (V13: a registration counts by half too)
--   fund_entry_rollup                                   (V7: rollup_funds by half, rollup_money by category)
--   rollup_records_rebuild, rollup_rebuild              (V14-V16: all of the above, and the unit flows)
-- and the trigger rollup_units (V10), which now also fires when only dissolved_on is written.
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

-- ---- members --------------------------------------------------------------------------------------------------
-- The flows one member row contributes, with sign +1 (it now exists) or -1 (it no longer does); half last, as
-- V30 added it to the type.
CREATE OR REPLACE FUNCTION member_flows(m member, sign int) RETURNS SETOF member_flow
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT m.unit_id, m.commune_id, m.province_id, extract(year FROM m.joined_on)::smallint,
           sign::bigint, 0::bigint, CASE WHEN m.party_member THEN sign ELSE 0 END::bigint, 0::bigint,
           half_of(m.joined_on)
    UNION ALL
    SELECT m.unit_id, m.commune_id, m.province_id, extract(year FROM m.status_changed_on)::smallint,
           0, sign, 0, CASE WHEN m.party_member THEN sign ELSE 0 END, half_of(m.status_changed_on)
    WHERE m.status <> 'ACTIVE'
$$;

CREATE OR REPLACE FUNCTION member_rollup_add(flows member_flow[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    closed int;
BEGIN
    IF EXISTS (SELECT 1 FROM closed_year) THEN
        SELECT min(f.year) INTO closed
        FROM (SELECT unit_id, year FROM unnest(flows)
              GROUP BY unit_id, year
              HAVING sum(joined) <> 0 OR sum(departed) <> 0 OR sum(party_joined) <> 0 OR sum(party_departed) <> 0) f
        WHERE f.year IN (SELECT year FROM closed_year);
        IF closed IS NOT NULL THEN
            PERFORM require_open_year(closed);
        END IF;
    END IF;
    -- always in (node, year, half) order, so that concurrent statements lock shared rows in the same order
    INSERT INTO rollup_members AS r (node_id, year, half, joined, departed, party_joined, party_departed)
    SELECT n.node_id, f.year, f.half, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed)
    FROM unnest(flows) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year, f.half
    HAVING sum(f.joined) <> 0 OR sum(f.departed) <> 0 OR sum(f.party_joined) <> 0 OR sum(f.party_departed) <> 0
    ORDER BY n.node_id, f.year, f.half
    ON CONFLICT (node_id, year, half) DO UPDATE
        SET joined = r.joined + EXCLUDED.joined,
            departed = r.departed + EXCLUDED.departed,
            party_joined = r.party_joined + EXCLUDED.party_joined,
            party_departed = r.party_departed + EXCLUDED.party_departed;
END;
$$;

-- ---- learning titles ------------------------------------------------------------------------------------------
-- A registration counts at its node, its commune and its province, for its year and kind: as registered unless
-- withdrawn (in the half it was recorded), and as recognised when RECOGNISED (in the half of its decision).
CREATE OR REPLACE FUNCTION rollup_titles_apply(r title_registration, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_titles AS t (node_id, year, half, kind, registered, recognised)
    SELECT n.node_id, r.year, h.half, r.kind, sum(h.registered), sum(h.recognised)
    FROM (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    CROSS JOIN (VALUES (half_of_year((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.year), sign, 0),
                       (half_of_year(r.decision_date, r.year), 0,
                        CASE WHEN r.status = 'RECOGNISED' THEN sign ELSE 0 END)) h (half, registered, recognised)
    WHERE r.status <> 'WITHDRAWN'
    GROUP BY n.node_id, h.half
    HAVING sum(h.registered) <> 0 OR sum(h.recognised) <> 0
    ORDER BY n.node_id, h.half
    ON CONFLICT (node_id, year, half, kind) DO UPDATE
        SET registered = t.registered + EXCLUDED.registered, recognised = t.recognised + EXCLUDED.recognised
$$;

CREATE OR REPLACE FUNCTION rollup_titles_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.status, OLD.decision_date, OLD.created_at)
                            IS NOT DISTINCT FROM (NEW.status, NEW.decision_date, NEW.created_at) THEN
        RETURN NULL; -- node, year and kind never change (title_registration_fixed); status and dates count
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM rollup_titles_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM rollup_titles_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

-- ---- funds ----------------------------------------------------------------------------------------------------
-- The dashboards' roll-ups, in the same transaction: the entry's own node and its ancestors below the central node
-- (deepest first, the same order for every writer), or the central node's own row for a central entry; raised and
-- disbursed by half in rollup_funds, amount and people by category in rollup_money.
CREATE OR REPLACE FUNCTION fund_entry_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node_path varchar;
    target    bigint;
    h         smallint := half_of(NEW.entry_date);
BEGIN
    SELECT path INTO STRICT node_path FROM org_unit WHERE id = NEW.node_id;
    FOR target IN
        SELECT part::bigint FROM unnest(string_to_array(btrim(node_path, '/'), '/')) WITH ORDINALITY AS t (part, ord)
        WHERE ord > 1 OR NEW.province_id IS NULL
        ORDER BY ord DESC
    LOOP
        INSERT INTO rollup_funds AS r (node_id, year, half, raised, disbursed)
        VALUES (target, NEW.year, h, CASE WHEN NEW.direction = 'RECEIPT' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.direction = 'DISBURSEMENT' THEN NEW.amount ELSE 0 END)
        ON CONFLICT (node_id, year, half) DO UPDATE
            SET raised = r.raised + EXCLUDED.raised, disbursed = r.disbursed + EXCLUDED.disbursed;
        INSERT INTO rollup_money AS r (node_id, year, half, category, amount, people)
        VALUES (target, NEW.year, h, NEW.category, NEW.amount, coalesce(NEW.people_reached, 0))
        ON CONFLICT (node_id, year, half, category) DO UPDATE
            SET amount = r.amount + EXCLUDED.amount, people = r.people + EXCLUDED.people;
    END LOOP;
    RETURN NULL;
END;
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

DROP TRIGGER IF EXISTS rollup_unit_flows ON org_unit;
CREATE TRIGGER rollup_unit_flows AFTER INSERT OR UPDATE OF kind, founded_on, dissolved_on, active ON org_unit
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
DROP TRIGGER IF EXISTS org_unit_span ON org_unit;
CREATE TRIGGER org_unit_span BEFORE INSERT OR UPDATE ON org_unit
    FOR EACH ROW EXECUTE FUNCTION org_unit_span();

-- V10's structure roll-up of today's units also hears a dissolution written without touching active.
DROP TRIGGER IF EXISTS rollup_units ON org_unit;
CREATE TRIGGER rollup_units AFTER INSERT OR UPDATE OF active, kind, dissolved_on ON org_unit
    FOR EACH ROW EXECUTE FUNCTION rollup_units_trigger();

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

-- Every roll-up of the records recomputed from the records, set-based, in (node, year, half) order (V15: a node's
-- rows together), with the triggers' definitions.
CREATE OR REPLACE FUNCTION rollup_records_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_members;
    DELETE FROM rollup_titles;
    DELETE FROM rollup_funds;
    DELETE FROM rollup_money;

    INSERT INTO rollup_members (node_id, year, half, joined, departed, party_joined, party_departed)
    SELECT n.node_id, f.year, f.half, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed)
    FROM member m
    CROSS JOIN LATERAL member_flows(m, 1) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year, f.half
    ORDER BY n.node_id, f.year, f.half;

    INSERT INTO rollup_titles (node_id, year, half, kind, registered, recognised)
    SELECT n.node_id, r.year, h.half, r.kind, sum(h.registered), sum(h.recognised)
    FROM title_registration r
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    CROSS JOIN LATERAL (VALUES (half_of_year((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.year), 1, 0),
                               (half_of_year(r.decision_date, r.year), 0,
                                CASE WHEN r.status = 'RECOGNISED' THEN 1 ELSE 0 END)) h (half, registered, recognised)
    WHERE r.status <> 'WITHDRAWN'
    GROUP BY n.node_id, r.year, h.half, r.kind
    HAVING sum(h.registered) <> 0 OR sum(h.recognised) <> 0
    ORDER BY n.node_id, r.year, h.half, r.kind;

    INSERT INTO rollup_funds (node_id, year, half, raised, disbursed)
    SELECT n.node_id, e.year, half_of(e.entry_date),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT'), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    GROUP BY n.node_id, e.year, half_of(e.entry_date)
    ORDER BY n.node_id, e.year, half_of(e.entry_date);

    INSERT INTO rollup_money (node_id, year, half, category, amount, people)
    SELECT n.node_id, e.year, half_of(e.entry_date), e.category, sum(e.amount), coalesce(sum(e.people_reached), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    GROUP BY n.node_id, e.year, half_of(e.entry_date), e.category
    ORDER BY n.node_id, e.year, half_of(e.entry_date), e.category;
END;
$$;

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rollup_units_rebuild();
    PERFORM rollup_unit_flows_rebuild();
    PERFORM rollup_records_rebuild();
END;
$$;

-- Once after V30 (and after any later migration that asks for it): the rows already in the roll-ups recomputed
-- with the definitions above.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM rollup_rebuild_pending) THEN
        PERFORM rollup_rebuild();
        DELETE FROM rollup_rebuild_pending;
    END IF;
END;
$$;
