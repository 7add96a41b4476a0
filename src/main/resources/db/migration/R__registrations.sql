-- Learning-title registrations: subject keys for uniqueness, placement, fixed fields, closed years.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V6
-- A name as people may type it: without diacritics (đ -> d), lower case, punctuation and runs of spaces folded
-- to one space. IMMUTABLE so that an index can use it (unaccent() itself is only STABLE because its dictionary
-- could change; ours is the extension's fixed one, named with its schema so that no search_path matters).
CREATE OR REPLACE FUNCTION title_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, s)),
                                '[[:space:][:punct:]]+', ' ', 'g'))
$$;

-- from V6
-- (Functions used by indexes name everything outside pg_catalog with its schema: PostgreSQL 17 builds and
-- maintains indexes with a search_path of pg_catalog only.)
-- What makes two registrations of one kind and year the same subject:
--   FAMILY  head of household + address  ("Nguyễn Văn An", "Tổ 3, Khu 5" = "nguyen van an", "to 3 khu 5")
--   CITIZEN full name + birth year       (namesakes are common; the year tells most of them apart)
--   others  the name
CREATE OR REPLACE FUNCTION title_subject_key(kind varchar, subject_name varchar, address varchar, birth_year smallint)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE kind
               WHEN 'FAMILY' THEN public.title_fold(subject_name) || ' | ' || coalesce(public.title_fold(address), '')
               WHEN 'CITIZEN' THEN public.title_fold(subject_name) || ' | ' || coalesce(birth_year::text, '')
               ELSE public.title_fold(subject_name)
           END
$$;

-- from V6
-- The database places every registration itself, from its node, so no writer can get province or commune wrong,
-- and refuses a kind at a node that does not register it.
-- Issue 14: it also places the kinds that provinces and the national board recognise (V61) and sets the
-- recognising node. Kinds and nodes:
--   grassroots unit (3): FAMILY, COMMUNITY, CITIZEN          recognised by the commune
--   commune (2):         CLAN, UNIT                           recognised by the commune
--                        COMMUNE (the commune itself)         recognised by the province
--   province (1):        UNIT (of province level)             recognised by the province
--                        PROVINCE (the province itself)       recognised by the national board
-- A province's own registrations hold the province's id as commune_id (see V61).
CREATE OR REPLACE FUNCTION title_registration_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node org_unit%ROWTYPE;
BEGIN
    SELECT * INTO STRICT node FROM org_unit WHERE id = NEW.node_id;
    IF node.level = 3 AND NEW.kind IN ('FAMILY', 'COMMUNITY', 'CITIZEN') THEN
        NEW.commune_id := node.parent_id;
        NEW.recognising_node_id := node.parent_id;
    ELSIF node.level = 2 AND NEW.kind IN ('CLAN', 'UNIT') THEN
        NEW.commune_id := node.id;
        NEW.recognising_node_id := node.id;
    ELSIF node.level = 2 AND NEW.kind = 'COMMUNE' THEN
        NEW.commune_id := node.id;
        NEW.recognising_node_id := node.province_id;
    ELSIF node.level = 1 AND NEW.kind = 'UNIT' THEN
        NEW.commune_id := node.id;
        NEW.recognising_node_id := node.id;
    ELSIF node.level = 1 AND NEW.kind = 'PROVINCE' THEN
        NEW.commune_id := node.id;
        NEW.recognising_node_id := node.parent_id;
    ELSE
        RAISE EXCEPTION 'a % registration cannot be made at org_unit % (level %)', NEW.kind, node.id, node.level;
    END IF;
    NEW.province_id := node.province_id;
    RETURN NEW;
END;
$$;

-- from V6
-- Who registered what, for which year and where, never changes: a mistake there is withdrawn and registered anew.
CREATE OR REPLACE FUNCTION title_registration_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.node_id, NEW.commune_id, NEW.province_id, NEW.year, NEW.kind, NEW.created_at, NEW.created_by)
        IS DISTINCT FROM
       (OLD.id, OLD.node_id, OLD.commune_id, OLD.province_id, OLD.year, OLD.kind, OLD.created_at, OLD.created_by) THEN
        RAISE EXCEPTION 'title_registration %: node, year and kind are fixed', OLD.id;
    END IF;
    IF OLD.status = 'WITHDRAWN' THEN
        RAISE EXCEPTION 'title_registration % is withdrawn', OLD.id;
    END IF;
    RETURN NEW;
END;
$$;

-- from V6
-- Registrations of a closed year are read-only for everyone (require_open_year() comes with year closing).
CREATE OR REPLACE FUNCTION title_registration_open_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year(OLD.year);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM require_open_year(NEW.year);
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$;

-- from V6
CREATE OR REPLACE TRIGGER title_registration_place BEFORE INSERT ON title_registration
    FOR EACH ROW EXECUTE FUNCTION title_registration_place();

-- from V6
CREATE OR REPLACE TRIGGER title_registration_fixed BEFORE UPDATE ON title_registration
    FOR EACH ROW EXECUTE FUNCTION title_registration_fixed();

-- from V6
CREATE OR REPLACE TRIGGER title_registration_open_year BEFORE INSERT OR UPDATE OR DELETE ON title_registration
    FOR EACH ROW EXECUTE FUNCTION title_registration_open_year();
