-- The audit log: append-only, whoever connects.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V4
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;

-- from V4
CREATE OR REPLACE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- from V4
CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
