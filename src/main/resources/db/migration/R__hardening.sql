-- Hardening (issue 16), functions and grants of the hardening work. Repeatable: Flyway runs it after every
-- versioned migration, again whenever this text changes.

-- require_open_year (R__closing.sql) takes a shared advisory lock on the year (1190, year) for the rest of the
-- transaction, and member_rollup_add (R__members.sql) calls it for every year a member write touches; closing and
-- reopening take the exclusive side here (lock_year_for_closing). Both functions live in their features' files.


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
