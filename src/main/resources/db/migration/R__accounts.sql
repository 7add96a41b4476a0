-- Accounts: a role always matches the level of its node.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V3
-- The role must match the level of the node the account is bound to.
CREATE OR REPLACE FUNCTION app_user_role_matches_level() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node_level smallint;
BEGIN
    SELECT level INTO STRICT node_level FROM org_unit WHERE id = NEW.org_unit_id;
    IF array_position(ARRAY['NATIONAL', 'PROVINCE', 'COMMUNE', 'CHAPTER'], NEW.role) - 1 <> node_level THEN
        RAISE EXCEPTION 'role % does not match level % of org_unit %', NEW.role, node_level, NEW.org_unit_id;
    END IF;
    RETURN NEW;
END;
$$;

-- from V3
CREATE OR REPLACE TRIGGER app_user_role_matches_level BEFORE INSERT OR UPDATE OF role, org_unit_id ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_role_matches_level();
