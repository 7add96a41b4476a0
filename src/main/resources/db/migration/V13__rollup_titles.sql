-- Learning-title roll-ups kept in step with title_registration, in the same transaction as every registration,
-- withdrawal and evaluation, whoever writes.

-- A registration counts at its node, its commune and its province, for its year and kind: as registered unless
-- withdrawn, and as recognised when RECOGNISED. Nodes are locked in id order (province, commune, unit).
CREATE FUNCTION rollup_titles_apply(r title_registration, sign int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rollup_titles AS t (node_id, year, kind, registered, recognised)
    SELECT n.node_id, r.year, r.kind, sign, CASE WHEN r.status = 'RECOGNISED' THEN sign ELSE 0 END
    FROM (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    WHERE r.status <> 'WITHDRAWN'
    ORDER BY n.node_id
    ON CONFLICT (node_id, year, kind) DO UPDATE
        SET registered = t.registered + EXCLUDED.registered, recognised = t.recognised + EXCLUDED.recognised
$$;

CREATE FUNCTION rollup_titles_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status THEN
        RETURN NULL; -- node, year and kind never change (title_registration_fixed); only the status counts
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM rollup_titles_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM rollup_titles_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER rollup_titles AFTER INSERT OR UPDATE OR DELETE ON title_registration
    FOR EACH ROW EXECUTE FUNCTION rollup_titles_trigger();
