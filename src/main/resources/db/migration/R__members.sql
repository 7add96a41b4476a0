-- Members: placed in their unit, commune and province by the database, what never changes kept fixed, and their
-- roll-up (rollup_members) kept in the same transaction.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V5
-- unaccent() is only STABLE (its dictionary could be changed), so it cannot appear in an index expression. This
-- wrapper names the dictionary explicitly and declares itself IMMUTABLE, which is what the index needs: searching
-- "nguyen van an" finds "Nguyễn Văn An". The unaccent rules map đ/Đ to d/D (checked by MemberSearchTest).
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- from V5
-- The database places a member: commune and province come from the unit, which must be a grassroots unit.
CREATE OR REPLACE FUNCTION member_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unit org_unit%ROWTYPE;
BEGIN
    SELECT * INTO unit FROM org_unit WHERE id = NEW.unit_id;
    IF NOT FOUND OR unit.level <> 3 THEN
        RAISE EXCEPTION 'a member belongs to a grassroots unit, and org_unit % is not one', NEW.unit_id;
    END IF;
    NEW.commune_id := unit.parent_id;
    NEW.province_id := unit.province_id;
    RETURN NEW;
END;
$$;

-- from V5
-- A member never moves between units (that would silently re-scope personal data and the roll-ups) and keeps
-- the card number issued to them; every update stamps updated_at.
CREATE OR REPLACE FUNCTION member_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.unit_id <> OLD.unit_id OR NEW.commune_id <> OLD.commune_id
        OR NEW.province_id <> OLD.province_id OR NEW.card_number <> OLD.card_number THEN
        RAISE EXCEPTION 'member % cannot change unit or card number', OLD.id;
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

-- from V5
-- The flows one member row contributes, with sign +1 (it now exists) or -1 (it no longer does).
CREATE OR REPLACE FUNCTION member_flows(m member, sign int) RETURNS SETOF member_flow
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT m.unit_id, m.commune_id, m.province_id, extract(year FROM m.joined_on)::smallint,
           sign::bigint, 0::bigint, CASE WHEN m.party_member THEN sign ELSE 0 END::bigint, 0::bigint,
           CASE WHEN m.ethnicity <> 1 THEN sign ELSE 0 END::bigint, 0::bigint, half_of(m.joined_on)
    UNION ALL
    SELECT m.unit_id, m.commune_id, m.province_id, extract(year FROM m.status_changed_on)::smallint,
           0, sign, 0, CASE WHEN m.party_member THEN sign ELSE 0 END,
           0, CASE WHEN m.ethnicity <> 1 THEN sign ELSE 0 END, half_of(m.status_changed_on)
    WHERE m.status <> 'ACTIVE'
$$;

-- from V5
-- Calls require_open_year for every year the flows touch (issue 16: before, only when a closed year was touched, so
-- a member write took no lock on an open year and a closing could slip in before it committed).
CREATE OR REPLACE FUNCTION member_rollup_add(flows member_flow[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    y int;
BEGIN
    FOR y IN
        SELECT f.year FROM unnest(flows) f
        GROUP BY f.unit_id, f.year
        HAVING sum(f.joined) <> 0 OR sum(f.departed) <> 0 OR sum(f.party_joined) <> 0 OR sum(f.party_departed) <> 0
            OR sum(f.minority_joined) <> 0 OR sum(f.minority_departed) <> 0
        ORDER BY f.year
    LOOP
        PERFORM require_open_year(y);
    END LOOP;
    -- always in (node, year, half) order, so that concurrent statements lock shared rows in the same order
    INSERT INTO rollup_members AS r (node_id, year, half, joined, departed, party_joined, party_departed,
                                     minority_joined, minority_departed)
    SELECT n.node_id, f.year, f.half, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed),
           sum(f.minority_joined), sum(f.minority_departed)
    FROM unnest(flows) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year, f.half
    HAVING sum(f.joined) <> 0 OR sum(f.departed) <> 0 OR sum(f.party_joined) <> 0 OR sum(f.party_departed) <> 0
        OR sum(f.minority_joined) <> 0 OR sum(f.minority_departed) <> 0
    ORDER BY n.node_id, f.year, f.half
    ON CONFLICT (node_id, year, half) DO UPDATE
        SET joined = r.joined + EXCLUDED.joined,
            departed = r.departed + EXCLUDED.departed,
            party_joined = r.party_joined + EXCLUDED.party_joined,
            party_departed = r.party_departed + EXCLUDED.party_departed,
            minority_joined = r.minority_joined + EXCLUDED.minority_joined,
            minority_departed = r.minority_departed + EXCLUDED.minority_departed;
END;
$$;

-- from V5
CREATE OR REPLACE FUNCTION member_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    flows member_flow[] := ARRAY(SELECT f FROM new_rows n CROSS JOIN LATERAL member_flows(n, 1) f);
BEGIN
    -- one pass over the statement's rows for both: the yearly report's lock (R__reporting.sql), then the roll-ups
    PERFORM member_report_check(flows);
    PERFORM member_rollup_add(flows);
    RETURN NULL;
END;
$$;

-- from V5
CREATE OR REPLACE FUNCTION member_rollup_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    flows member_flow[] := ARRAY(
        SELECT f FROM new_rows n CROSS JOIN LATERAL member_flows(n, 1) f
        UNION ALL
        SELECT f FROM old_rows o CROSS JOIN LATERAL member_flows(o, -1) f);
BEGIN
    -- one pass over the statement's rows for both: the yearly report's lock (R__reporting.sql), then the roll-ups
    PERFORM member_report_check(flows);
    PERFORM member_rollup_add(flows);
    RETURN NULL;
END;
$$;

-- from V5
CREATE OR REPLACE FUNCTION member_rollup_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    flows member_flow[] := ARRAY(SELECT f FROM old_rows o CROSS JOIN LATERAL member_flows(o, -1) f);
BEGIN
    -- one pass over the statement's rows for both: the yearly report's lock (R__reporting.sql), then the roll-ups
    PERFORM member_report_check(flows);
    PERFORM member_rollup_add(flows);
    RETURN NULL;
END;
$$;

-- from V5
CREATE OR REPLACE TRIGGER member_place BEFORE INSERT ON member
    FOR EACH ROW EXECUTE FUNCTION member_place();

-- from V5
CREATE OR REPLACE TRIGGER member_fixed BEFORE UPDATE ON member
    FOR EACH ROW EXECUTE FUNCTION member_fixed();

-- from V5
CREATE OR REPLACE TRIGGER member_rollup_inserted AFTER INSERT ON member
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_rollup_inserted();

-- from V5
CREATE OR REPLACE TRIGGER member_rollup_updated AFTER UPDATE ON member
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_rollup_updated();

-- from V5
CREATE OR REPLACE TRIGGER member_rollup_deleted AFTER DELETE ON member
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_rollup_deleted();
