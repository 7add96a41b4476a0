-- The lock of the yearly reporting cycle, enforced by the database whoever connects (see V35 for the tables).
-- No existing function is replaced: each record table gets a trigger of its own that calls report_record_changed,
-- and new record tables (denominators, learning centres) call it the same way:
--   PERFORM report_record_changed(<path of the record's node>, <year the record is dated in>);
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER, like every R__ file.

-- Refuses, with SQLSTATE KH120, a change to records of year y of the node at node_path ('/1/22/744/3361/') while a
-- report of that node or of one of its ancestors is SUBMITTED or APPROVED for that year. The reports in the way are
-- share-locked, so a submission waits for the writes in flight, and a write that waited for a submission sees it.
-- The message carries what the application needs to say why in words (state, date, node) after 'report_locked '.
CREATE OR REPLACE FUNCTION require_unlocked(node_path text, y int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    IF node_path IS NULL OR y IS NULL THEN
        RETURN;
    END IF;
    FOR r IN SELECT a.node_id, a.state, a.submitted_at, a.decided_at, u.level, u.admin_type, u.name
             FROM annual_report a JOIN org_unit u ON u.id = a.node_id
             WHERE a.year = y AND a.node_id = ANY (string_to_array(btrim(node_path, '/'), '/')::bigint[])
             ORDER BY u.level DESC
             FOR SHARE OF a
    LOOP
        IF r.state IN ('SUBMITTED', 'APPROVED') THEN
            RAISE EXCEPTION 'report_locked year=%;state=%;on=%;node=%;level=%;type=%;name=%', y, r.state,
                to_char(r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD'), r.node_id, r.level,
                coalesce(r.admin_type, ''), r.name
                USING ERRCODE = 'KH120',
                      HINT = 'the report must be returned by the level above before these records change';
        END IF;
    END LOOP;
END;
$$;

-- A record of year y at node_path changes: refused while locked (above); otherwise the reporting node's report of
-- the year (the commune's, or a province's for its own records) is at least 'in progress'.
CREATE OR REPLACE FUNCTION report_record_changed(node_path text, y int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ids       bigint[];
    reporting bigint;
BEGIN
    IF node_path IS NULL OR y IS NULL THEN
        RETURN;
    END IF;
    ids := string_to_array(btrim(node_path, '/'), '/')::bigint[];
    reporting := CASE WHEN array_length(ids, 1) >= 3 THEN ids[3] WHEN array_length(ids, 1) = 2 THEN ids[2] END;
    IF reporting IS NOT NULL AND y BETWEEN 1990 AND 2100
       AND NOT EXISTS (SELECT 1 FROM annual_report WHERE node_id = reporting AND year = y) THEN
        INSERT INTO annual_report (node_id, year, state) VALUES (reporting, y, 'IN_PROGRESS') ON CONFLICT DO NOTHING;
    END IF;
    PERFORM require_unlocked(node_path, y);
END;
$$;

-- Members: a statement's net flows per commune and year (joined, departed, Party, as the roll-ups count them) are
-- the changes dated in a year; a change that moves no figure of a year (a new phone number) is not one.
CREATE OR REPLACE FUNCTION member_report_check(flows member_flow[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT u.path, f.year
             FROM (SELECT commune_id, year FROM unnest(flows)
                   GROUP BY commune_id, year
                   HAVING sum(joined) <> 0 OR sum(departed) <> 0 OR sum(party_joined) <> 0 OR sum(party_departed) <> 0) f
             JOIN org_unit u ON u.id = f.commune_id
             ORDER BY f.commune_id, f.year
    LOOP
        PERFORM report_record_changed(c.path, c.year);
    END LOOP;
END;
$$;

-- member_rollup_inserted/updated/deleted (R__members.sql) call it with the flows they compute for the roll-ups, so
-- a member's statement computes its flows once (V64 dropped the statement triggers that computed them again).

-- Registrations and their evaluations: the registration's year, at the node that recognises it (title_registration_place,
-- which fires before this trigger by name, has placed it): its commune for the titles communes recognise, the province
-- for a learning commune or a province's learning unit, the national board for a learning province (issue 14), so
-- that a province recognises its learning communes after it has approved the communes' reports.
CREATE OR REPLACE FUNCTION title_registration_report_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = coalesce(OLD.recognising_node_id, OLD.commune_id)), OLD.year);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.recognising_node_id, NEW.commune_id, NEW.year)
                            IS DISTINCT FROM (OLD.recognising_node_id, OLD.commune_id, OLD.year)) THEN
        PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = coalesce(NEW.recognising_node_id, NEW.commune_id)), NEW.year);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER title_registration_report_lock BEFORE INSERT OR UPDATE OR DELETE ON title_registration
    FOR EACH ROW EXECUTE FUNCTION title_registration_report_lock();

-- Fund entries dated in the year, at the entry's node (fund_entry_before_insert, before this one by name, has set
-- the year from the date). Entries are never updated or deleted (V7).
CREATE OR REPLACE FUNCTION fund_entry_report_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = NEW.node_id), NEW.year);
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER fund_entry_report_lock BEFORE INSERT ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_report_lock();

-- Populations (the denominators of V8) of a province or commune for a year.
CREATE OR REPLACE FUNCTION node_population_report_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = OLD.node_id), OLD.year);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.node_id, NEW.year) IS DISTINCT FROM (OLD.node_id, OLD.year)) THEN
        PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = NEW.node_id), NEW.year);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER node_population_report_lock BEFORE INSERT OR UPDATE OR DELETE ON node_population
    FOR EACH ROW EXECUTE FUNCTION node_population_report_lock();

-- The history of reports is never rewritten.
CREATE OR REPLACE FUNCTION annual_report_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'annual_report_event is append-only';
END;
$$;

CREATE OR REPLACE TRIGGER annual_report_event_append_only BEFORE UPDATE OR DELETE ON annual_report_event
    FOR EACH ROW EXECUTE FUNCTION annual_report_event_append_only();
