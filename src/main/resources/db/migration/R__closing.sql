-- Closed years: the one check every dated record's trigger calls (SQLSTATE KH001).
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V11
-- The one check every table of dated records calls from its triggers, whatever connects to the database.
CREATE OR REPLACE FUNCTION require_open_year(y int) RETURNS void LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF y IS NOT NULL AND EXISTS (SELECT 1 FROM closed_year WHERE year = y) THEN
        RAISE EXCEPTION 'year % is closed', y USING ERRCODE = 'KH001';
    END IF;
END;
$$;
