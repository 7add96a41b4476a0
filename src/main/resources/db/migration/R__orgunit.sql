-- The tree: each node placed (path, level) by the database, and its place fixed afterwards.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V1
CREATE OR REPLACE FUNCTION org_unit_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent org_unit%ROWTYPE;
BEGIN
    IF NEW.parent_id IS NULL THEN
        NEW.level := 0;
        NEW.path := '/' || NEW.id || '/';
        NEW.province_id := NULL;
    ELSE
        SELECT * INTO STRICT parent FROM org_unit WHERE id = NEW.parent_id;
        NEW.level := parent.level + 1;
        NEW.path := parent.path || NEW.id || '/';
        NEW.province_id := CASE WHEN NEW.level = 1 THEN NEW.id ELSE parent.province_id END;
    END IF;
    RETURN NEW;
END;
$$;

-- from V1
-- Nodes never move: a changed parent or path would silently re-scope every record below them.
CREATE OR REPLACE FUNCTION org_unit_fixed_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.path <> OLD.path OR NEW.level <> OLD.level
        OR NEW.province_id IS DISTINCT FROM OLD.province_id OR NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'org_unit % cannot move in the tree', OLD.id;
    END IF;
    RETURN NEW;
END;
$$;

-- from V1
CREATE OR REPLACE TRIGGER org_unit_place BEFORE INSERT ON org_unit
    FOR EACH ROW EXECUTE FUNCTION org_unit_place();

-- from V1
CREATE OR REPLACE TRIGGER org_unit_fixed_place BEFORE UPDATE ON org_unit
    FOR EACH ROW EXECUTE FUNCTION org_unit_fixed_place();
