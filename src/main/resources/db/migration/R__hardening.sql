-- Hardening (issue 16), functions and grants of the hardening work. Repeatable: Flyway runs it after every
-- versioned migration, again whenever this text changes.

-- require_open_year (first defined in V11) now also takes a shared advisory lock on the year for the rest of the
-- transaction, and closing a year takes the exclusive one (YearClosingService): a write already under way holds
-- its year until it commits, so a closing waits for it, and a write that starts while a closing is under way waits
-- for the closing and then sees the year closed. VOLATILE (no longer STABLE) so that the check, made after the lock
-- is granted, reads with a fresh snapshot and sees a closing committed meanwhile.
CREATE OR REPLACE FUNCTION require_open_year(y int) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF y IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock_shared(1190, y);
    IF EXISTS (SELECT 1 FROM closed_year WHERE year = y) THEN
        RAISE EXCEPTION 'year % is closed', y USING ERRCODE = 'KH001';
    END IF;
END;
$$;

-- member_rollup_add (first defined in V5, complete new text here): it called require_open_year only when a closed
-- year was touched, so a member write took no lock while its year was open and a closing could slip in before it
-- committed. It now calls require_open_year for every year its flows touch (in year order, so two writers take the
-- shared locks in the same order), which both takes the year's shared lock and refuses a closed year.
CREATE OR REPLACE FUNCTION member_rollup_add(flows member_flow[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    y int;
BEGIN
    FOR y IN
        SELECT f.year FROM unnest(flows) f
        GROUP BY f.unit_id, f.year
        HAVING sum(f.joined) <> 0 OR sum(f.departed) <> 0 OR sum(f.party_joined) <> 0 OR sum(f.party_departed) <> 0
        ORDER BY f.year
    LOOP
        PERFORM require_open_year(y);
    END LOOP;
    -- always in (node, year) order, so that concurrent statements lock shared rows in the same order
    INSERT INTO rollup_members AS r (node_id, year, joined, departed, party_joined, party_departed)
    SELECT n.node_id, f.year, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed)
    FROM unnest(flows) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year
    HAVING sum(f.joined) <> 0 OR sum(f.departed) <> 0 OR sum(f.party_joined) <> 0 OR sum(f.party_departed) <> 0
    ORDER BY n.node_id, f.year
    ON CONFLICT (node_id, year) DO UPDATE
        SET joined = r.joined + EXCLUDED.joined,
            departed = r.departed + EXCLUDED.departed,
            party_joined = r.party_joined + EXCLUDED.party_joined,
            party_departed = r.party_departed + EXCLUDED.party_departed;
END;
$$;

-- The exclusive side, taken by closing and reopening a year.
CREATE OR REPLACE FUNCTION lock_year_for_closing(y int) RETURNS void LANGUAGE sql VOLATILE AS $$
    SELECT pg_advisory_xact_lock(1190, y);
$$;

-- The application's own database role (placeholder app_role = spring.datasource.username) may read and write rows
-- and use the sequences, nothing more: it owns nothing, so it cannot ALTER, DISABLE TRIGGER, TRUNCATE or DROP. The
-- owner (spring.flyway.user, who runs this) grants it on what exists now and, by default privileges, on every
-- table and sequence its later migrations create. When the app connects as the owner itself (a single-role setup,
-- e.g. the benchmark), there is nothing to grant.
DO $$
DECLARE
    app text := '${app_role}';
BEGIN
    IF app = '' OR app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', app);
    -- the migration history is the owner's alone
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM %I', app);
END;
$$;
