-- Functions and triggers of the shares (issue 11): closed years guard denominators and targets; the dashboards'
-- cache hears their changes; ethnic-minority members and board-registered learning citizens roll up.
--
-- Issue 11 also changed, in place in their features' repeatable files (so that a later run of those files keeps
-- them): member_flows() and member_rollup_add() in R__members.sql (ethnic-minority members, ethnicity <> 1 Kinh),
-- rollup_titles_apply() and rollup_records_rebuild() in R__rollup.sql (learning citizens registered by boards, and
-- both of these in the rebuild that rollup_rebuild() calls).

-- ---------------------------------------------------------------------------------------------------------------
-- Closed years: no change to a closed year's denominators or targets, whoever connects (SQLSTATE KH001).
CREATE OR REPLACE FUNCTION shares_open_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- closed years (KH001); denominators also the yearly report of the node or an ancestor submitted or approved
    -- (KH120, issue 12), and any other change of one marks that report in progress
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM require_open_year(OLD.year);
        IF TG_TABLE_NAME = 'node_denominator' THEN
            PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = OLD.node_id), OLD.year);
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM require_open_year(NEW.year);
        IF TG_TABLE_NAME = 'node_denominator' THEN
            PERFORM report_record_changed((SELECT path FROM org_unit WHERE id = NEW.node_id), NEW.year);
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$;

CREATE OR REPLACE TRIGGER node_denominator_open_year BEFORE INSERT OR UPDATE OR DELETE ON node_denominator
    FOR EACH ROW EXECUTE FUNCTION shares_open_year();
CREATE OR REPLACE TRIGGER node_target_open_year BEFORE INSERT OR UPDATE OR DELETE ON node_target
    FOR EACH ROW EXECUTE FUNCTION shares_open_year();

-- The dashboards read these tables: a change ends the cache's generation (as V17 does for the others).
CREATE OR REPLACE TRIGGER node_denominator_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON node_denominator
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
CREATE OR REPLACE TRIGGER node_target_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON node_target
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();

-- ---------------------------------------------------------------------------------------------------------------
-- A grassroots unit that changes between chapter and board takes its learning citizens to the other side.
CREATE OR REPLACE FUNCTION shares_unit_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sign int := CASE WHEN NEW.kind = 'BOARD' THEN 1 WHEN OLD.kind = 'BOARD' THEN -1 ELSE 0 END;
BEGIN
    IF sign = 0 OR NEW.level <> 3 THEN
        RETURN NULL;
    END IF;
    -- by year and half, as rollup_titles_apply() counts them: registered in the half the registration was made,
    -- recognised in the half of its decision
    UPDATE rollup_titles t
    SET board_registered = t.board_registered + sign * x.registered,
        board_recognised = t.board_recognised + sign * x.recognised
    FROM (SELECT r.year, h.half, sum(h.registered) AS registered, sum(h.recognised) AS recognised
          FROM title_registration r
          CROSS JOIN LATERAL (VALUES (half_of_year((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r.year), 1, 0),
                                     (half_of_year(r.decision_date, r.year), 0,
                                      CASE WHEN r.status = 'RECOGNISED' THEN 1 ELSE 0 END)) h (half, registered, recognised)
          WHERE r.node_id = NEW.id AND r.kind = 'CITIZEN' AND r.status <> 'WITHDRAWN'
          GROUP BY r.year, h.half) x
    WHERE t.node_id IN (NEW.province_id, NEW.parent_id, NEW.id) AND t.year = x.year AND t.half = x.half
      AND t.kind = 'CITIZEN';
    RETURN NULL;
END;
$$;

CREATE OR REPLACE TRIGGER shares_unit_kind_changed AFTER UPDATE OF kind ON org_unit
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION shares_unit_kind_changed();
