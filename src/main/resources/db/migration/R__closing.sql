-- Closed years: the one check every dated record's trigger calls (SQLSTATE KH001).
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V11
-- The one check every table of dated records calls from its triggers, whatever connects to the database.
-- Also (issue 16) a shared advisory lock on the year for the rest of the transaction; closing and reopening take
-- the exclusive one (lock_year_for_closing, R__hardening.sql): a write under way holds its year until it commits, so a
-- closing waits for it, and a write that starts meanwhile waits and then sees the year closed. VOLATILE, so that
-- the check, made once the lock is granted, reads with a fresh snapshot.
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
