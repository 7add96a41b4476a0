-- Functions and triggers of issue 14 (criteria, levels of recognition, commendations). Repeatable: Flyway runs it
-- after every versioned migration, and again whenever this text changes.

-- title_registration_place() of V6, complete new text: it also places the kinds that provinces and the national
-- board recognise (V41) and sets the recognising node. Kinds and nodes:
--   grassroots unit (3): FAMILY, COMMUNITY, CITIZEN          recognised by the commune
--   commune (2):         CLAN, UNIT                           recognised by the commune
--                        COMMUNE (the commune itself)         recognised by the province
--   province (1):        UNIT (of province level)             recognised by the province
--                        PROVINCE (the province itself)       recognised by the national board
-- A province's own registrations hold the province's id as commune_id (see V41).
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

-- A recognition is decided at the level of the node that recognises it, whoever writes.
CREATE OR REPLACE FUNCTION title_registration_recognising_level() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.recognising_level IS NOT NULL AND NEW.recognising_level <> (
            SELECT (ARRAY['NATIONAL', 'PROVINCE', 'COMMUNE'])[n.level + 1]
            FROM org_unit n WHERE n.id = NEW.recognising_node_id) THEN
        RAISE EXCEPTION 'title_registration %: recognised at level % by node %', NEW.id, NEW.recognising_level,
            NEW.recognising_node_id USING ERRCODE = 'KH042';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.recognising_node_id IS DISTINCT FROM OLD.recognising_node_id THEN
        RAISE EXCEPTION 'title_registration %: the recognising node is fixed', OLD.id;
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS title_registration_recognising_level ON title_registration;
CREATE TRIGGER title_registration_recognising_level BEFORE INSERT OR UPDATE ON title_registration
    FOR EACH ROW EXECUTE FUNCTION title_registration_recognising_level();

-- A criteria set an evaluation used is kept as it was: its row, criteria and grades can be neither changed nor
-- deleted (a change is a new version), whoever connects.
CREATE OR REPLACE FUNCTION criteria_set_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    set_id bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        set_id := NEW.set_id;
    ELSIF TG_TABLE_NAME = 'criteria_set' THEN
        set_id := OLD.id;
    ELSE
        set_id := OLD.set_id;
    END IF;
    IF EXISTS (SELECT 1 FROM title_evaluation e WHERE e.criteria_set_id = set_id) THEN
        RAISE EXCEPTION 'criteria set % is used by an evaluation: a change makes a new version', set_id
            USING ERRCODE = 'KH040';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS criteria_set_frozen ON criteria_set;
CREATE TRIGGER criteria_set_frozen BEFORE UPDATE OR DELETE ON criteria_set
    FOR EACH ROW EXECUTE FUNCTION criteria_set_frozen();
DROP TRIGGER IF EXISTS criterion_frozen ON criterion;
CREATE TRIGGER criterion_frozen BEFORE INSERT OR UPDATE OR DELETE ON criterion
    FOR EACH ROW EXECUTE FUNCTION criteria_set_frozen();
DROP TRIGGER IF EXISTS criteria_grade_frozen ON criteria_grade;
CREATE TRIGGER criteria_grade_frozen BEFORE INSERT OR UPDATE OR DELETE ON criteria_grade
    FOR EACH ROW EXECUTE FUNCTION criteria_set_frozen();

-- An evaluation scores a registration of an open year with a complete set of the registration's own kind.
CREATE OR REPLACE FUNCTION title_evaluation_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reg title_registration%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year((SELECT year FROM title_registration WHERE id = OLD.registration_id));
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT * INTO STRICT reg FROM title_registration WHERE id = NEW.registration_id;
    PERFORM require_open_year(reg.year);
    IF NOT EXISTS (SELECT 1 FROM criteria_set s WHERE s.id = NEW.criteria_set_id AND s.kind = reg.kind
                   AND s.min_total IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM criterion c WHERE c.set_id = s.id AND c.max_points IS NULL)) THEN
        RAISE EXCEPTION 'registration % (%) cannot be scored with criteria set %', reg.id, reg.kind,
            NEW.criteria_set_id USING ERRCODE = 'KH041';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS title_evaluation_check ON title_evaluation;
CREATE TRIGGER title_evaluation_check BEFORE INSERT OR UPDATE OR DELETE ON title_evaluation
    FOR EACH ROW EXECUTE FUNCTION title_evaluation_check();

-- Each score is of a criterion of the evaluation's set, between 0 and that criterion's maximum.
CREATE OR REPLACE FUNCTION title_evaluation_score_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM title_evaluation e JOIN criterion c ON c.set_id = e.criteria_set_id
                   WHERE e.registration_id = NEW.registration_id AND c.id = NEW.criterion_id
                     AND NEW.points BETWEEN 0 AND c.max_points) THEN
        RAISE EXCEPTION 'score % of criterion % is not valid for evaluation %', NEW.points, NEW.criterion_id,
            NEW.registration_id USING ERRCODE = 'KH041';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS title_evaluation_score_check ON title_evaluation_score;
CREATE TRIGGER title_evaluation_score_check BEFORE INSERT OR UPDATE ON title_evaluation_score
    FOR EACH ROW EXECUTE FUNCTION title_evaluation_score_check();

-- Commendations (V43): placed by the database from their node, refused in a closed year, counted in
-- rollup_commendations at the node, its commune and its province in the same transaction, whoever writes.
CREATE OR REPLACE FUNCTION commendation_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node org_unit%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year(OLD.year);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM require_open_year(NEW.year);
    SELECT * INTO STRICT node FROM org_unit WHERE id = NEW.node_id;
    NEW.province_id := node.province_id;
    NEW.commune_id := CASE node.level WHEN 2 THEN node.id WHEN 3 THEN node.parent_id END;
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS commendation_place ON commendation;
CREATE TRIGGER commendation_place BEFORE INSERT OR UPDATE OR DELETE ON commendation
    FOR EACH ROW EXECUTE FUNCTION commendation_place();

CREATE OR REPLACE FUNCTION rollup_commendations_apply(c commendation, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_commendations AS t (node_id, year, collectives, individuals)
    SELECT n.node_id, c.year, CASE WHEN c.recipient_kind = 'COLLECTIVE' THEN sign ELSE 0 END,
           CASE WHEN c.recipient_kind = 'INDIVIDUAL' THEN sign ELSE 0 END
    FROM (SELECT DISTINCT x AS node_id FROM unnest(ARRAY[c.province_id, c.commune_id, c.node_id]) x
          WHERE x IS NOT NULL) n
    ORDER BY n.node_id
    ON CONFLICT (node_id, year) DO UPDATE
        SET collectives = t.collectives + EXCLUDED.collectives, individuals = t.individuals + EXCLUDED.individuals
$$;

CREATE OR REPLACE FUNCTION rollup_commendations_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM rollup_commendations_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM rollup_commendations_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS rollup_commendations ON commendation;
CREATE TRIGGER rollup_commendations AFTER INSERT OR UPDATE OR DELETE ON commendation
    FOR EACH ROW EXECUTE FUNCTION rollup_commendations_trigger();

-- The commendation roll-up rebuilt from the records (rollup_rebuild() of V16 does not know it; call both).
CREATE OR REPLACE FUNCTION rollup_commendations_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM rollup_commendations;
    INSERT INTO rollup_commendations (node_id, year, collectives, individuals)
    SELECT n.node_id, c.year, count(*) FILTER (WHERE c.recipient_kind = 'COLLECTIVE'),
           count(*) FILTER (WHERE c.recipient_kind = 'INDIVIDUAL')
    FROM commendation c
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[c.province_id, c.commune_id, c.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    GROUP BY n.node_id, c.year;
$$;

-- The dashboards keep what they read in memory: tell them (V17's notify_figures_changed()).
DROP TRIGGER IF EXISTS rollup_commendations_notify ON rollup_commendations;
CREATE TRIGGER rollup_commendations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup_commendations
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
