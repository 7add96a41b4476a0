-- Community learning centres (issue 15): what the database itself guarantees about the register, the centres' years,
-- the staff trained in digital skills and the fund entries that name a centre, whoever connects; and the roll-up
-- rollup_centres kept in the same transaction as every change. Tables: V45__learning_centres.sql.
--
-- Changed elsewhere, in their own repeatable files: rollup_rebuild() (R__rollup.sql) also calls
-- rollup_centres_rebuild(); fund_entry_digest() (R__funds.sql) also covers the centre an entry names (with none named
-- its input is exactly V7's, so every existing entry keeps its hash).
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER, like every R__ file.

-- The one check of every change to a centre's records dated in a year. Closed years (V11) refuse with KH001; a
-- commune whose yearly report is submitted or approved refuses with KH120 (R__reporting.sql), and any other change
-- marks the commune's report of that year as in progress. Every trigger below goes through this function, so it
-- covers the register, the centres' years and the staff trained.
CREATE OR REPLACE FUNCTION centre_require_open(commune bigint, y int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM require_open_year(y);
    PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = commune), y);
END;
$$;

-- What counts as a digital learning hub (trung tâm học tập số) in a year, the one definition the roll-ups, the pages
-- and the tests use (CentreYear.isDigitalHub() says the same): internet access, at least one computer for learners,
-- open learning materials in use, and at least one digital-skills class held in the year. These are the four things
-- the General Secretary's request of 2025 names (seeds/000: "with internet and open learning materials") together
-- with DESIGN.md section 11's "computers" and "digital-skills classes".
CREATE OR REPLACE FUNCTION centre_is_hub(internet boolean, computers integer, open_materials boolean,
                                         digital_classes integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(internet, false) AND coalesce(computers, 0) >= 1 AND coalesce(open_materials, false)
           AND coalesce(digital_classes, 0) >= 1
$$;

-- A row of rollup_centres with every figure zero, for the year y: the triggers fill in their deltas.
CREATE OR REPLACE FUNCTION rollup_centres_zero(y int) RETURNS rollup_centres LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(NULL, y, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)::rollup_centres
$$;

-- Adds the deltas d (its year; node_id ignored) to the rows of these nodes, in the order given (deepest first for
-- every writer, so that concurrent changes cannot deadlock).
CREATE OR REPLACE FUNCTION rollup_centres_add(nodes bigint[], d rollup_centres) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    target bigint;
BEGIN
    FOREACH target IN ARRAY nodes LOOP
        INSERT INTO rollup_centres AS r (node_id, year, opened, closed, reporting, hubs, chair,
            classes_literacy, classes_vocational, classes_law, classes_digital, classes_languages, classes_health,
            classes_other, turns_literacy, turns_vocational, turns_law, turns_digital, turns_languages, turns_health,
            turns_other, support, staff, staff_trained)
        VALUES (target, d.year, d.opened, d.closed, d.reporting, d.hubs, d.chair,
            d.classes_literacy, d.classes_vocational, d.classes_law, d.classes_digital, d.classes_languages,
            d.classes_health, d.classes_other, d.turns_literacy, d.turns_vocational, d.turns_law, d.turns_digital,
            d.turns_languages, d.turns_health, d.turns_other, d.support, d.staff, d.staff_trained)
        ON CONFLICT (node_id, year) DO UPDATE SET
            opened = r.opened + EXCLUDED.opened, closed = r.closed + EXCLUDED.closed,
            reporting = r.reporting + EXCLUDED.reporting, hubs = r.hubs + EXCLUDED.hubs, chair = r.chair + EXCLUDED.chair,
            classes_literacy = r.classes_literacy + EXCLUDED.classes_literacy,
            classes_vocational = r.classes_vocational + EXCLUDED.classes_vocational,
            classes_law = r.classes_law + EXCLUDED.classes_law,
            classes_digital = r.classes_digital + EXCLUDED.classes_digital,
            classes_languages = r.classes_languages + EXCLUDED.classes_languages,
            classes_health = r.classes_health + EXCLUDED.classes_health,
            classes_other = r.classes_other + EXCLUDED.classes_other,
            turns_literacy = r.turns_literacy + EXCLUDED.turns_literacy,
            turns_vocational = r.turns_vocational + EXCLUDED.turns_vocational,
            turns_law = r.turns_law + EXCLUDED.turns_law,
            turns_digital = r.turns_digital + EXCLUDED.turns_digital,
            turns_languages = r.turns_languages + EXCLUDED.turns_languages,
            turns_health = r.turns_health + EXCLUDED.turns_health,
            turns_other = r.turns_other + EXCLUDED.turns_other,
            support = r.support + EXCLUDED.support, staff = r.staff + EXCLUDED.staff,
            staff_trained = r.staff_trained + EXCLUDED.staff_trained;
    END LOOP;
END;
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- The register

CREATE OR REPLACE FUNCTION learning_centre_before() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    commune org_unit%ROWTYPE;
    first_year int;
    last_year int;
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM centre_require_open(OLD.commune_id, extract(YEAR FROM OLD.decision_date)::int);
        IF OLD.closed_on IS NOT NULL THEN
            PERFORM centre_require_open(OLD.commune_id, extract(YEAR FROM OLD.closed_on)::int);
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.commune_id <> OLD.commune_id THEN
        RAISE EXCEPTION 'a learning centre stays in its commune' USING ERRCODE = 'KH451';
    END IF;
    SELECT * INTO commune FROM org_unit WHERE id = NEW.commune_id;
    IF NOT FOUND OR commune.level <> 2 THEN
        RAISE EXCEPTION 'org_unit % is not a commune', NEW.commune_id USING ERRCODE = 'KH451';
    END IF;
    NEW.province_id := commune.parent_id;
    NEW.updated_at := now();
    IF TG_OP = 'INSERT' THEN
        PERFORM centre_require_open(NEW.commune_id, extract(YEAR FROM NEW.decision_date)::int);
        IF NEW.closed_on IS NOT NULL THEN
            PERFORM centre_require_open(NEW.commune_id, extract(YEAR FROM NEW.closed_on)::int);
        END IF;
        RETURN NEW;
    END IF;
    -- an update: the years whose figures it changes must be open
    IF extract(YEAR FROM NEW.decision_date) <> extract(YEAR FROM OLD.decision_date) THEN
        PERFORM centre_require_open(NEW.commune_id, extract(YEAR FROM OLD.decision_date)::int);
        PERFORM centre_require_open(NEW.commune_id, extract(YEAR FROM NEW.decision_date)::int);
    END IF;
    IF extract(YEAR FROM NEW.closed_on) IS DISTINCT FROM extract(YEAR FROM OLD.closed_on) THEN
        IF OLD.closed_on IS NOT NULL THEN
            PERFORM centre_require_open(NEW.commune_id, extract(YEAR FROM OLD.closed_on)::int);
        END IF;
        IF NEW.closed_on IS NOT NULL THEN
            PERFORM centre_require_open(NEW.commune_id, extract(YEAR FROM NEW.closed_on)::int);
        END IF;
    END IF;
    -- the centre's years stay inside its life
    first_year := extract(YEAR FROM NEW.decision_date);
    last_year := coalesce(extract(YEAR FROM NEW.closed_on)::int, 2100);
    IF EXISTS (SELECT 1 FROM centre_year WHERE centre_id = NEW.id AND (year < first_year OR year > last_year)) THEN
        RAISE EXCEPTION 'learning centre % has records of years outside % to %', NEW.id, first_year, last_year
            USING ERRCODE = 'KH452';
    END IF;
    RETURN NEW;
END;
$$;

-- The register's flows: +1 opened in the year of its decision, +1 closed in the year it closed.
CREATE OR REPLACE FUNCTION learning_centre_flows(c learning_centre, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    d rollup_centres;
BEGIN
    d := rollup_centres_zero(extract(YEAR FROM c.decision_date)::int);
    d.opened := sign;
    PERFORM rollup_centres_add(ARRAY[c.commune_id, c.province_id], d);
    IF c.closed_on IS NOT NULL THEN
        d := rollup_centres_zero(extract(YEAR FROM c.closed_on)::int);
        d.closed := sign;
        PERFORM rollup_centres_add(ARRAY[c.commune_id, c.province_id], d);
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION learning_centre_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF TG_OP = 'DELETE' OR (OLD.decision_date, OLD.closed_on) IS DISTINCT FROM (NEW.decision_date, NEW.closed_on) THEN
            PERFORM learning_centre_flows(OLD, -1);
        ELSE
            RETURN NULL; -- name, address, director: no figure changes
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM learning_centre_flows(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER learning_centre_before BEFORE INSERT OR UPDATE OR DELETE ON learning_centre
    FOR EACH ROW EXECUTE FUNCTION learning_centre_before();
CREATE OR REPLACE TRIGGER learning_centre_rollup AFTER INSERT OR UPDATE OR DELETE ON learning_centre
    FOR EACH ROW EXECUTE FUNCTION learning_centre_rollup();

-- ---------------------------------------------------------------------------------------------------------------
-- A centre's year

CREATE OR REPLACE FUNCTION centre_year_before() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    centre learning_centre%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM centre_require_open(OLD.commune_id, OLD.year);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT * INTO centre FROM learning_centre WHERE id = NEW.centre_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'learning centre % does not exist', NEW.centre_id USING ERRCODE = 'KH452';
    END IF;
    IF NEW.year < extract(YEAR FROM centre.decision_date)
       OR (centre.closed_on IS NOT NULL AND NEW.year > extract(YEAR FROM centre.closed_on)) THEN
        RAISE EXCEPTION 'learning centre % did not exist in %', NEW.centre_id, NEW.year USING ERRCODE = 'KH452';
    END IF;
    NEW.commune_id := centre.commune_id;
    NEW.province_id := centre.province_id;
    NEW.updated_at := now();
    PERFORM centre_require_open(NEW.commune_id, NEW.year);
    RETURN NEW;
END;
$$;

-- What one centre's year adds to the roll-up.
CREATE OR REPLACE FUNCTION centre_year_flows(c centre_year, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    d rollup_centres;
BEGIN
    d := rollup_centres_zero(c.year);
    d.reporting := sign;
    d.hubs := CASE WHEN centre_is_hub(c.internet, c.learner_computers, c.open_materials, c.classes_digital)
                   THEN sign ELSE 0 END;
    d.chair := CASE WHEN c.chair_takes_part THEN sign ELSE 0 END;
    d.classes_literacy := sign * c.classes_literacy;
    d.classes_vocational := sign * c.classes_vocational;
    d.classes_law := sign * c.classes_law;
    d.classes_digital := sign * c.classes_digital;
    d.classes_languages := sign * c.classes_languages;
    d.classes_health := sign * c.classes_health;
    d.classes_other := sign * c.classes_other;
    d.turns_literacy := sign * c.turns_literacy;
    d.turns_vocational := sign * c.turns_vocational;
    d.turns_law := sign * c.turns_law;
    d.turns_digital := sign * c.turns_digital;
    d.turns_languages := sign * c.turns_languages;
    d.turns_health := sign * c.turns_health;
    d.turns_other := sign * c.turns_other;
    PERFORM rollup_centres_add(ARRAY[c.commune_id, c.province_id], d);
END;
$$;

CREATE OR REPLACE FUNCTION centre_year_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM centre_year_flows(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM centre_year_flows(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER centre_year_before BEFORE INSERT OR UPDATE OR DELETE ON centre_year
    FOR EACH ROW EXECUTE FUNCTION centre_year_before();
CREATE OR REPLACE TRIGGER centre_year_rollup AFTER INSERT OR UPDATE OR DELETE ON centre_year
    FOR EACH ROW EXECUTE FUNCTION centre_year_rollup();

-- ---------------------------------------------------------------------------------------------------------------
-- The commune's staff trained in digital skills

CREATE OR REPLACE FUNCTION commune_digital_staff_before() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    commune org_unit%ROWTYPE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM centre_require_open(OLD.commune_id, OLD.year);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT * INTO commune FROM org_unit WHERE id = NEW.commune_id;
    IF NOT FOUND OR commune.level <> 2 THEN
        RAISE EXCEPTION 'org_unit % is not a commune', NEW.commune_id USING ERRCODE = 'KH451';
    END IF;
    NEW.province_id := commune.parent_id;
    NEW.updated_at := now();
    PERFORM centre_require_open(NEW.commune_id, NEW.year);
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION commune_digital_staff_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d rollup_centres;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        d := rollup_centres_zero(OLD.year);
        d.staff := -OLD.staff;
        d.staff_trained := -OLD.trained;
        PERFORM rollup_centres_add(ARRAY[OLD.commune_id, OLD.province_id], d);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        d := rollup_centres_zero(NEW.year);
        d.staff := NEW.staff;
        d.staff_trained := NEW.trained;
        PERFORM rollup_centres_add(ARRAY[NEW.commune_id, NEW.province_id], d);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER commune_digital_staff_before BEFORE INSERT OR UPDATE OR DELETE ON commune_digital_staff
    FOR EACH ROW EXECUTE FUNCTION commune_digital_staff_before();
CREATE OR REPLACE TRIGGER commune_digital_staff_rollup AFTER INSERT OR UPDATE OR DELETE ON commune_digital_staff
    FOR EACH ROW EXECUTE FUNCTION commune_digital_staff_rollup();

-- ---------------------------------------------------------------------------------------------------------------
-- Fund entries that name a centre. The trigger's name sorts before fund_entry_before_insert, so it runs first and
-- the entry's hash (computed there) covers the centre it copies onto a reversal.

CREATE OR REPLACE FUNCTION fund_entry_centre() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    original_centre bigint;
BEGIN
    IF NEW.reverses_entry_id IS NOT NULL THEN
        -- a reversal names the centre of the entry it reverses, whoever writes it
        SELECT centre_id INTO original_centre FROM fund_entry WHERE id = NEW.reverses_entry_id;
        IF NEW.centre_id IS NULL THEN
            NEW.centre_id := original_centre;
        ELSIF NEW.centre_id IS DISTINCT FROM original_centre THEN
            RAISE EXCEPTION 'a reversal names the centre of fund_entry %', NEW.reverses_entry_id USING ERRCODE = 'KH203';
        END IF;
    END IF;
    IF NEW.centre_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM learning_centre c JOIN org_unit cu ON cu.id = c.commune_id, org_unit f
            WHERE c.id = NEW.centre_id AND f.id = NEW.node_id AND cu.path LIKE f.path || '%') THEN
        RAISE EXCEPTION 'learning centre % is not in the subtree of fund %', NEW.centre_id, NEW.node_id
            USING ERRCODE = 'KH453';
    END IF;
    RETURN NEW;
END;
$$;

-- Support to the centres from the funds: every disbursement of the centres' category (naming a centre or not), at the
-- same nodes as rollup_funds (the entry's node and its ancestors below the central node, or the central node's own row).
CREATE OR REPLACE FUNCTION fund_entry_centre_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node_path varchar;
    d         rollup_centres;
BEGIN
    IF NEW.category <> 'COMMUNITY_LEARNING_CENTRE' THEN
        RETURN NULL;
    END IF;
    SELECT path INTO STRICT node_path FROM org_unit WHERE id = NEW.node_id;
    d := rollup_centres_zero(NEW.year);
    d.support := NEW.amount;
    PERFORM rollup_centres_add(ARRAY(
        SELECT part::bigint FROM unnest(string_to_array(btrim(node_path, '/'), '/')) WITH ORDINALITY AS t (part, ord)
        WHERE ord > 1 OR NEW.province_id IS NULL
        ORDER BY ord DESC), d);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER fund_entry_a_centre BEFORE INSERT ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_centre();
CREATE OR REPLACE TRIGGER fund_entry_centre_rollup AFTER INSERT ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_centre_rollup();


-- ---------------------------------------------------------------------------------------------------------------
-- Rebuilding from the records (the data set generator, an administrator), with the triggers' own definitions.

CREATE OR REPLACE FUNCTION rollup_centres_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM rollup_centres;
    INSERT INTO rollup_centres (node_id, year, opened, closed, reporting, hubs, chair,
        classes_literacy, classes_vocational, classes_law, classes_digital, classes_languages, classes_health,
        classes_other, turns_literacy, turns_vocational, turns_law, turns_digital, turns_languages, turns_health,
        turns_other, support, staff, staff_trained)
    SELECT n.node_id, x.year, sum(x.opened), sum(x.closed), sum(x.reporting), sum(x.hubs), sum(x.chair),
        sum(x.cl), sum(x.cv), sum(x.claw), sum(x.cd), sum(x.cla), sum(x.ch), sum(x.co),
        sum(x.tl), sum(x.tv), sum(x.tlaw), sum(x.td), sum(x.tla), sum(x.th), sum(x.tot),
        sum(x.support), sum(x.staff), sum(x.trained)
    FROM (
        SELECT c.commune_id, c.province_id, NULL::bigint AS node, extract(YEAR FROM c.decision_date)::int AS year,
               1 AS opened, 0 AS closed, 0 AS reporting, 0 AS hubs, 0 AS chair,
               0 AS cl, 0 AS cv, 0 AS claw, 0 AS cd, 0 AS cla, 0 AS ch, 0 AS co,
               0 AS tl, 0 AS tv, 0 AS tlaw, 0 AS td, 0 AS tla, 0 AS th, 0 AS tot, 0::bigint AS support, 0 AS staff,
               0 AS trained, NULL::varchar AS path
        FROM learning_centre c
        UNION ALL
        SELECT c.commune_id, c.province_id, NULL, extract(YEAR FROM c.closed_on)::int, 0, 1, 0, 0, 0,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL
        FROM learning_centre c WHERE c.closed_on IS NOT NULL
        UNION ALL
        SELECT y.commune_id, y.province_id, NULL, y.year, 0, 0, 1,
               CASE WHEN centre_is_hub(y.internet, y.learner_computers, y.open_materials, y.classes_digital) THEN 1 ELSE 0 END,
               CASE WHEN y.chair_takes_part THEN 1 ELSE 0 END,
               y.classes_literacy, y.classes_vocational, y.classes_law, y.classes_digital, y.classes_languages,
               y.classes_health, y.classes_other, y.turns_literacy, y.turns_vocational, y.turns_law, y.turns_digital,
               y.turns_languages, y.turns_health, y.turns_other, 0, 0, 0, NULL
        FROM centre_year y
        UNION ALL
        SELECT s.commune_id, s.province_id, NULL, s.year, 0, 0, 0, 0, 0,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, s.staff, s.trained, NULL
        FROM commune_digital_staff s
        UNION ALL
        SELECT NULL, NULL, e.node_id, e.year, 0, 0, 0, 0, 0,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, e.amount, 0, 0,
               CASE WHEN e.province_id IS NULL THEN 'central' END
        FROM fund_entry e WHERE e.category = 'COMMUNITY_LEARNING_CENTRE'
    ) x
    CROSS JOIN LATERAL (
        SELECT unnest(ARRAY[x.commune_id, x.province_id]) WHERE x.node IS NULL
        UNION ALL
        SELECT part::bigint FROM org_unit o, unnest(string_to_array(btrim(o.path, '/'), '/')) WITH ORDINALITY AS t (part, ord)
        WHERE x.node IS NOT NULL AND o.id = x.node AND (ord > 1 OR x.path = 'central')
    ) n (node_id)
    GROUP BY n.node_id, x.year
    ORDER BY n.node_id, x.year;
END;
$$;


-- The dashboards read rollup_centres: their cache hears of its changes (V17).
CREATE OR REPLACE TRIGGER rollup_centres_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup_centres
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
