-- Functions and triggers of issue 14 (criteria, levels of recognition, commendations). Repeatable: Flyway runs it
-- after every versioned migration, and again whenever this text changes.

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

CREATE OR REPLACE TRIGGER title_registration_recognising_level BEFORE INSERT OR UPDATE ON title_registration
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

CREATE OR REPLACE TRIGGER criteria_set_frozen BEFORE UPDATE OR DELETE ON criteria_set
    FOR EACH ROW EXECUTE FUNCTION criteria_set_frozen();
CREATE OR REPLACE TRIGGER criterion_frozen BEFORE INSERT OR UPDATE OR DELETE ON criterion
    FOR EACH ROW EXECUTE FUNCTION criteria_set_frozen();
CREATE OR REPLACE TRIGGER criteria_grade_frozen BEFORE INSERT OR UPDATE OR DELETE ON criteria_grade
    FOR EACH ROW EXECUTE FUNCTION criteria_set_frozen();

-- An evaluation scores a registration of an open year with a complete set of the registration's own kind.
CREATE OR REPLACE FUNCTION title_evaluation_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    reg title_registration%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year((SELECT year FROM title_registration WHERE id = OLD.registration_id));
        PERFORM report_record_changed((SELECT n.path FROM title_registration r JOIN org_unit n ON n.id = r.recognising_node_id
                                       WHERE r.id = OLD.registration_id),
                                      (SELECT year FROM title_registration WHERE id = OLD.registration_id));
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT * INTO STRICT reg FROM title_registration WHERE id = NEW.registration_id;
    PERFORM require_open_year(reg.year);
    -- scores are records of the recognising node's year: refused while its report (or one above) is submitted
    PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = reg.recognising_node_id), reg.year);
    IF NOT EXISTS (SELECT 1 FROM criteria_set s WHERE s.id = NEW.criteria_set_id AND s.kind = reg.kind
                   AND s.min_total IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM criterion c WHERE c.set_id = s.id AND c.max_points IS NULL)) THEN
        RAISE EXCEPTION 'registration % (%) cannot be scored with criteria set %', reg.id, reg.kind,
            NEW.criteria_set_id USING ERRCODE = 'KH041';
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER title_evaluation_check BEFORE INSERT OR UPDATE OR DELETE ON title_evaluation
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

CREATE OR REPLACE TRIGGER title_evaluation_score_check BEFORE INSERT OR UPDATE ON title_evaluation_score
    FOR EACH ROW EXECUTE FUNCTION title_evaluation_score_check();

-- Commendations (V63): placed by the database from their node, refused in a closed year, counted in
-- rollup_commendations at the node, its commune and its province in the same transaction, whoever writes.
CREATE OR REPLACE FUNCTION commendation_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node org_unit%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year(OLD.year);
        -- a commendation is a record of its node's year: refused while that year's report is submitted (issue 12)
        PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = OLD.node_id), OLD.year);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM require_open_year(NEW.year);
    SELECT * INTO STRICT node FROM org_unit WHERE id = NEW.node_id;
    IF TG_OP = 'INSERT' OR (NEW.node_id, NEW.year) IS DISTINCT FROM (OLD.node_id, OLD.year) THEN
        PERFORM report_record_changed(node.path, NEW.year);
    END IF;
    NEW.province_id := node.province_id;
    NEW.commune_id := CASE node.level WHEN 2 THEN node.id WHEN 3 THEN node.parent_id END;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER commendation_place BEFORE INSERT OR UPDATE OR DELETE ON commendation
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

CREATE OR REPLACE TRIGGER rollup_commendations AFTER INSERT OR UPDATE OR DELETE ON commendation
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
CREATE OR REPLACE TRIGGER rollup_commendations_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup_commendations
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
