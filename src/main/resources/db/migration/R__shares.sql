-- Functions and triggers of the shares (issue 11): closed years guard denominators and targets; the dashboards'
-- cache hears their changes; ethnic-minority members and board-registered learning citizens roll up.
--
-- This file REPLACES functions first defined in V5, V13 and V15/V16 with their complete new text:
--   member_flows(), member_rollup_add()   (V5)  — also count ethnic-minority members (ethnicity <> 1, Kinh)
--   rollup_titles_apply()                  (V13) — also count learning citizens registered by boards
--   rollup_records_rebuild()               (V15, renamed by V16; called by rollup_rebuild()) — both of the above

-- ---------------------------------------------------------------------------------------------------------------
-- Closed years: no change to a closed year's denominators or targets, whoever connects (SQLSTATE KH001).
CREATE OR REPLACE FUNCTION shares_open_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year(OLD.year);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM require_open_year(NEW.year);
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$;

DROP TRIGGER IF EXISTS node_denominator_open_year ON node_denominator;
CREATE TRIGGER node_denominator_open_year BEFORE INSERT OR UPDATE OR DELETE ON node_denominator
    FOR EACH ROW EXECUTE FUNCTION shares_open_year();
DROP TRIGGER IF EXISTS node_target_open_year ON node_target;
CREATE TRIGGER node_target_open_year BEFORE INSERT OR UPDATE OR DELETE ON node_target
    FOR EACH ROW EXECUTE FUNCTION shares_open_year();

-- The dashboards read these tables: a change ends the cache's generation (as V17 does for the others).
DROP TRIGGER IF EXISTS node_denominator_notify ON node_denominator;
CREATE TRIGGER node_denominator_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON node_denominator
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
DROP TRIGGER IF EXISTS node_target_notify ON node_target;
CREATE TRIGGER node_target_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON node_target
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();

-- ---------------------------------------------------------------------------------------------------------------
-- Members (replaces V5's two functions): the flows one member row contributes, with sign +1 (it now exists) or -1
-- (it no longer does) — joined in the year of joined_on, departed in the year of status_changed_on once LEFT or
-- DECEASED; the same for Party members and for ethnic-minority members.
CREATE OR REPLACE FUNCTION member_flows(m member, sign int) RETURNS SETOF member_flow
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT m.unit_id, m.commune_id, m.province_id, extract(year FROM m.joined_on)::smallint,
           sign::bigint, 0::bigint, CASE WHEN m.party_member THEN sign ELSE 0 END::bigint, 0::bigint,
           CASE WHEN m.ethnicity <> 1 THEN sign ELSE 0 END::bigint, 0::bigint
    UNION ALL
    SELECT m.unit_id, m.commune_id, m.province_id, extract(year FROM m.status_changed_on)::smallint,
           0, sign, 0, CASE WHEN m.party_member THEN sign ELSE 0 END,
           0, CASE WHEN m.ethnicity <> 1 THEN sign ELSE 0 END
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
              HAVING sum(joined) <> 0 OR sum(departed) <> 0 OR sum(party_joined) <> 0 OR sum(party_departed) <> 0
                  OR sum(minority_joined) <> 0 OR sum(minority_departed) <> 0) f
        WHERE f.year IN (SELECT year FROM closed_year);
        IF closed IS NOT NULL THEN
            PERFORM require_open_year(closed);
        END IF;
    END IF;
    -- always in (node, year) order, so that concurrent statements lock shared rows in the same order
    INSERT INTO rollup_members AS r (node_id, year, joined, departed, party_joined, party_departed,
                                     minority_joined, minority_departed)
    SELECT n.node_id, f.year, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed),
           sum(f.minority_joined), sum(f.minority_departed)
    FROM unnest(flows) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year
    HAVING sum(f.joined) <> 0 OR sum(f.departed) <> 0 OR sum(f.party_joined) <> 0 OR sum(f.party_departed) <> 0
        OR sum(f.minority_joined) <> 0 OR sum(f.minority_departed) <> 0
    ORDER BY n.node_id, f.year
    ON CONFLICT (node_id, year) DO UPDATE
        SET joined = r.joined + EXCLUDED.joined,
            departed = r.departed + EXCLUDED.departed,
            party_joined = r.party_joined + EXCLUDED.party_joined,
            party_departed = r.party_departed + EXCLUDED.party_departed,
            minority_joined = r.minority_joined + EXCLUDED.minority_joined,
            minority_departed = r.minority_departed + EXCLUDED.minority_departed;
END;
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Titles (replaces V13's function): a registration counts at its node, its commune and its province, for its year
-- and kind: as registered unless withdrawn, as recognised when RECOGNISED; a learning citizen registered by an
-- education-promotion board counts in the board_ columns too. Nodes are locked in id order.
CREATE OR REPLACE FUNCTION rollup_titles_apply(r title_registration, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_titles AS t (node_id, year, kind, registered, recognised, board_registered, board_recognised)
    SELECT n.node_id, r.year, r.kind, sign, CASE WHEN r.status = 'RECOGNISED' THEN sign ELSE 0 END,
           CASE WHEN b.board THEN sign ELSE 0 END, CASE WHEN b.board AND r.status = 'RECOGNISED' THEN sign ELSE 0 END
    FROM (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    CROSS JOIN (SELECT r.kind = 'CITIZEN'
                       AND EXISTS (SELECT 1 FROM org_unit u WHERE u.id = r.node_id AND u.kind = 'BOARD') AS board) b
    WHERE r.status <> 'WITHDRAWN'
    ORDER BY n.node_id
    ON CONFLICT (node_id, year, kind) DO UPDATE
        SET registered = t.registered + EXCLUDED.registered, recognised = t.recognised + EXCLUDED.recognised,
            board_registered = t.board_registered + EXCLUDED.board_registered,
            board_recognised = t.board_recognised + EXCLUDED.board_recognised
$$;

-- A grassroots unit that changes between chapter and board takes its learning citizens to the other side.
CREATE OR REPLACE FUNCTION shares_unit_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sign int := CASE WHEN NEW.kind = 'BOARD' THEN 1 WHEN OLD.kind = 'BOARD' THEN -1 ELSE 0 END;
BEGIN
    IF sign = 0 OR NEW.level <> 3 THEN
        RETURN NULL;
    END IF;
    UPDATE rollup_titles t
    SET board_registered = t.board_registered + sign * x.registered,
        board_recognised = t.board_recognised + sign * x.recognised
    FROM (SELECT year, count(*) AS registered, count(*) FILTER (WHERE status = 'RECOGNISED') AS recognised
          FROM title_registration WHERE node_id = NEW.id AND kind = 'CITIZEN' AND status <> 'WITHDRAWN'
          GROUP BY year) x
    WHERE t.node_id IN (NEW.province_id, NEW.parent_id, NEW.id) AND t.year = x.year AND t.kind = 'CITIZEN';
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS shares_unit_kind_changed ON org_unit;
CREATE TRIGGER shares_unit_kind_changed AFTER UPDATE OF kind ON org_unit
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION shares_unit_kind_changed();

-- ---------------------------------------------------------------------------------------------------------------
-- The records' roll-ups recomputed from the records (replaces V15's text, renamed rollup_records_rebuild by V16;
-- rollup_rebuild() calls it after rollup_units_rebuild()), with the triggers' own definitions, in node order.
CREATE OR REPLACE FUNCTION rollup_records_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_members;
    DELETE FROM rollup_titles;
    DELETE FROM rollup_funds;
    DELETE FROM rollup_reached;

    INSERT INTO rollup_members (node_id, year, joined, departed, party_joined, party_departed,
                                minority_joined, minority_departed)
    SELECT n.node_id, f.year, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed),
           sum(f.minority_joined), sum(f.minority_departed)
    FROM member m
    CROSS JOIN LATERAL member_flows(m, 1) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year
    ORDER BY n.node_id, f.year;

    INSERT INTO rollup_titles (node_id, year, kind, registered, recognised, board_registered, board_recognised)
    SELECT n.node_id, r.year, r.kind, count(*), count(*) FILTER (WHERE r.status = 'RECOGNISED'),
           count(*) FILTER (WHERE r.kind = 'CITIZEN' AND u.kind = 'BOARD'),
           count(*) FILTER (WHERE r.kind = 'CITIZEN' AND u.kind = 'BOARD' AND r.status = 'RECOGNISED')
    FROM title_registration r
    JOIN org_unit u ON u.id = r.node_id
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    WHERE r.status <> 'WITHDRAWN'
    GROUP BY n.node_id, r.year, r.kind
    ORDER BY n.node_id, r.year, r.kind;

    INSERT INTO rollup_funds (node_id, year, raised, disbursed)
    SELECT n.node_id, e.year, coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT'), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    GROUP BY n.node_id, e.year
    ORDER BY n.node_id, e.year;

    INSERT INTO rollup_reached (node_id, year, category, people)
    SELECT n.node_id, e.year, e.category, sum(e.people_reached)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    WHERE e.people_reached IS NOT NULL
    GROUP BY n.node_id, e.year, e.category
    ORDER BY n.node_id, e.year, e.category;
END;
$$;
