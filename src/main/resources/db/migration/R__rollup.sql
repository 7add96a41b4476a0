-- Roll-ups: groups of provinces, the structure and records roll-ups, their rebuild, and the notification that
-- the dashboards' figures changed.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V9
-- Only provinces can be members of a province group.
CREATE OR REPLACE FUNCTION province_group_member_is_province() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM org_unit WHERE id = NEW.province_id AND level = 1) THEN
        RAISE EXCEPTION 'org_unit % is not a province', NEW.province_id;
    END IF;
    RETURN NEW;
END;
$$;

-- from V9
CREATE OR REPLACE TRIGGER province_group_member_is_province BEFORE INSERT OR UPDATE ON province_group_member
    FOR EACH ROW EXECUTE FUNCTION province_group_member_is_province();

-- from V10
CREATE OR REPLACE FUNCTION rollup_units_apply(unit org_unit, sign int) RETURNS void LANGUAGE plpgsql AS $$
-- A grassroots unit's path is /central/province/commune/unit/: its ancestors are the 2nd to 4th parts.
DECLARE
    had_units boolean;
    has_units boolean;
BEGIN
    IF NOT unit.active THEN
        RETURN;
    END IF;
    SELECT chapters + boards > 0 INTO had_units FROM rollup_units WHERE node_id = unit.parent_id;
    -- commune, then province, then central: always in this order, so concurrent changes cannot deadlock
    UPDATE rollup_units
    SET chapters = chapters + CASE WHEN unit.kind = 'CHAPTER' THEN sign ELSE 0 END,
        boards = boards + CASE WHEN unit.kind = 'BOARD' THEN sign ELSE 0 END
    WHERE node_id IN (split_part(unit.path, '/', 2)::bigint, split_part(unit.path, '/', 3)::bigint,
                      split_part(unit.path, '/', 4)::bigint);
    SELECT chapters + boards > 0 INTO has_units FROM rollup_units WHERE node_id = unit.parent_id;
    IF had_units <> has_units THEN
        UPDATE rollup_units
        SET communes_with_association = communes_with_association + CASE WHEN has_units THEN 1 ELSE -1 END
        WHERE node_id IN (split_part(unit.path, '/', 2)::bigint, split_part(unit.path, '/', 3)::bigint);
    END IF;
END;
$$;

-- from V10
CREATE OR REPLACE FUNCTION rollup_units_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.level < 3 THEN
            INSERT INTO rollup_units (node_id) VALUES (NEW.id);
        ELSE
            PERFORM rollup_units_apply(NEW, 1);
        END IF;
    ELSIF NEW.level = 3 AND (OLD.active, OLD.kind) IS DISTINCT FROM (NEW.active, NEW.kind) THEN
        PERFORM rollup_units_apply(OLD, -1);
        PERFORM rollup_units_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

-- from V10
-- (issue 13: it also hears a dissolution written without touching active)
CREATE OR REPLACE TRIGGER rollup_units AFTER INSERT OR UPDATE OF active, kind, dissolved_on ON org_unit
    FOR EACH ROW EXECUTE FUNCTION rollup_units_trigger();

-- from V13
-- A registration counts at its node, its commune and its province, for its year and kind: as registered unless
-- withdrawn, and as recognised when RECOGNISED. Nodes are locked in id order (province, commune, unit).
CREATE OR REPLACE FUNCTION rollup_titles_apply(r title_registration, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_titles AS t (node_id, year, half, kind, registered, recognised,
                                    board_registered, board_recognised)
    SELECT n.node_id, r.year, h.half, r.kind, sum(h.registered), sum(h.recognised),
           sum(CASE WHEN b.board THEN h.registered ELSE 0 END), sum(CASE WHEN b.board THEN h.recognised ELSE 0 END)
    FROM (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    CROSS JOIN (SELECT r.kind = 'CITIZEN'
                       AND EXISTS (SELECT 1 FROM org_unit u WHERE u.id = r.node_id AND u.kind = 'BOARD') AS board) b
    CROSS JOIN (VALUES (half_of_year((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.year), sign, 0),
                       (half_of_year(r.decision_date, r.year), 0,
                        CASE WHEN r.status = 'RECOGNISED' THEN sign ELSE 0 END)) h (half, registered, recognised)
    WHERE r.status <> 'WITHDRAWN'
    GROUP BY n.node_id, h.half
    HAVING sum(h.registered) <> 0 OR sum(h.recognised) <> 0
    ORDER BY n.node_id, h.half
    ON CONFLICT (node_id, year, half, kind) DO UPDATE
        SET registered = t.registered + EXCLUDED.registered, recognised = t.recognised + EXCLUDED.recognised,
            board_registered = t.board_registered + EXCLUDED.board_registered,
            board_recognised = t.board_recognised + EXCLUDED.board_recognised
$$;

-- from V13
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

-- from V13
CREATE OR REPLACE TRIGGER rollup_titles AFTER INSERT OR UPDATE OR DELETE ON title_registration
    FOR EACH ROW EXECUTE FUNCTION rollup_titles_trigger();

-- from V15; issue 18: one function per record table, which the data set generator runs at once in sessions of their
-- own (rollup_records_rebuild still rebuilds all three, in the same order as before)
CREATE OR REPLACE FUNCTION rollup_members_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_members;
    INSERT INTO rollup_members (node_id, year, half, joined, departed, party_joined, party_departed,
                                minority_joined, minority_departed)
    SELECT n.node_id, f.year, f.half, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed),
           sum(f.minority_joined), sum(f.minority_departed)
    FROM member m
    CROSS JOIN LATERAL member_flows(m, 1) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year, f.half
    ORDER BY n.node_id, f.year, f.half;
END;
$$;

CREATE OR REPLACE FUNCTION rollup_titles_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_titles;
    INSERT INTO rollup_titles (node_id, year, half, kind, registered, recognised, board_registered, board_recognised)
    SELECT n.node_id, p.year, p.half, p.kind, sum(p.registered), sum(p.recognised),
           coalesce(sum(p.registered) FILTER (WHERE p.kind = 'CITIZEN' AND u.kind = 'BOARD'), 0),
           coalesce(sum(p.recognised) FILTER (WHERE p.kind = 'CITIZEN' AND u.kind = 'BOARD'), 0)
    -- summed per registering node first, then those sums per province, commune and node: the registrations are
    -- grouped once rather than three times over, and each node's kind is looked up once
    FROM (SELECT r.province_id, r.commune_id, r.node_id, r.year, h.half, r.kind, sum(h.registered) AS registered,
                 sum(h.recognised) AS recognised
          FROM title_registration r
          CROSS JOIN LATERAL (VALUES (half_of_year((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.year), 1, 0),
                                     (half_of_year(r.decision_date, r.year), 0,
                                      CASE WHEN r.status = 'RECOGNISED' THEN 1 ELSE 0 END)) h (half, registered, recognised)
          WHERE r.status <> 'WITHDRAWN'
          GROUP BY r.province_id, r.commune_id, r.node_id, r.year, h.half, r.kind) p
    JOIN org_unit u ON u.id = p.node_id
    -- the distinct nodes among province, commune and node (as SELECT DISTINCT unnest(…) did, three times faster: no
    -- sub-plan per row)
    CROSS JOIN LATERAL (VALUES (p.province_id, true), (p.commune_id, p.commune_id IS DISTINCT FROM p.province_id),
                               (p.node_id, p.node_id IS DISTINCT FROM p.province_id AND p.node_id IS DISTINCT FROM p.commune_id)
                       ) n (node_id, distinct_node)
    WHERE n.distinct_node
    GROUP BY n.node_id, p.year, p.half, p.kind
    HAVING sum(p.registered) <> 0 OR sum(p.recognised) <> 0
    ORDER BY n.node_id, p.year, p.half, p.kind;
END;
$$;

CREATE OR REPLACE FUNCTION rollup_funds_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_funds;
    DELETE FROM rollup_money;
    INSERT INTO rollup_funds (node_id, year, half, raised, disbursed)
    SELECT n.node_id, e.year, half_of(e.entry_date),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT'), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (VALUES (e.province_id, e.province_id IS NOT NULL),
                               (e.commune_id, e.commune_id IS NOT NULL AND e.commune_id IS DISTINCT FROM e.province_id),
                               (e.node_id, e.node_id IS DISTINCT FROM e.province_id AND e.node_id IS DISTINCT FROM e.commune_id)
                       ) n (node_id, distinct_node)
    WHERE n.distinct_node
    GROUP BY n.node_id, e.year, half_of(e.entry_date)
    ORDER BY n.node_id, e.year, half_of(e.entry_date);

    INSERT INTO rollup_money (node_id, year, half, category, amount, people)
    SELECT n.node_id, e.year, half_of(e.entry_date), e.category, sum(e.amount), coalesce(sum(e.people_reached), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (VALUES (e.province_id, e.province_id IS NOT NULL),
                               (e.commune_id, e.commune_id IS NOT NULL AND e.commune_id IS DISTINCT FROM e.province_id),
                               (e.node_id, e.node_id IS DISTINCT FROM e.province_id AND e.node_id IS DISTINCT FROM e.commune_id)
                       ) n (node_id, distinct_node)
    WHERE n.distinct_node
    GROUP BY n.node_id, e.year, half_of(e.entry_date), e.category
    ORDER BY n.node_id, e.year, half_of(e.entry_date), e.category;
END;
$$;

CREATE OR REPLACE FUNCTION rollup_records_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rollup_members_rebuild();
    PERFORM rollup_titles_rebuild();
    PERFORM rollup_funds_rebuild();
END;
$$;

-- from V16
-- The structure roll-up from the tree, with the definition V10 filled it with.
CREATE OR REPLACE FUNCTION rollup_units_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM rollup_units;
    INSERT INTO rollup_units (node_id, chapters, boards, communes_with_association)
    SELECT n.id,
           count(g.id) FILTER (WHERE g.kind = 'CHAPTER'),
           count(g.id) FILTER (WHERE g.kind = 'BOARD'),
           CASE WHEN n.level = 2 THEN 0 ELSE count(DISTINCT g.parent_id) END
    FROM org_unit n
    LEFT JOIN org_unit g ON g.level = 3 AND g.active AND g.path LIKE n.path || '%'
    WHERE n.level < 3
    GROUP BY n.id, n.level;
$$;

-- from V16
CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rollup_units_rebuild();
    PERFORM rollup_unit_flows_rebuild();
    PERFORM rollup_records_rebuild();
    PERFORM rollup_centres_rebuild(); -- issue 15, R__centres.sql
END;
$$;

-- from V17
-- The dashboards keep what they read in memory (DashboardCache) and must drop it as soon as what they read
-- changes. The application drops it itself after each of its own writing transactions; a NOTIFY from the
-- tables the dashboards read tells it about every other change too (another instance of the application, an
-- administrator's SQL, a roll-up rebuild). A notification is delivered to listeners only when the transaction
-- commits, and identical notifications of one transaction are delivered once.
CREATE OR REPLACE FUNCTION notify_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('figures_changed', '');
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rollup_members', 'rollup_funds', 'rollup_titles', 'rollup_money', 'rollup_unit_flows',
                             'rollup_units', 'node_population', 'org_unit', 'province_group', 'province_group_member'] LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed()', t || '_notify', t);
    END LOOP;
END;
$$;

-- issue 13: once after V30 (and after any later migration that asks for it), the rows already in the roll-ups
-- recomputed with the definitions of the repeatable migrations.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM rollup_rebuild_pending) THEN
        PERFORM rollup_rebuild();
        DELETE FROM rollup_rebuild_pending;
    END IF;
END;
$$;
