-- Roll-up of the tree's own structure, kept by the database in the same transaction as every change to a
-- grassroots unit: for the central node, each province and each commune, the active chapters and education
-- promotion boards of its subtree and (above communes) the communes with an association, i.e. with at least one
-- active grassroots unit. Dashboards read these rows instead of counting ~150,000 units per view.
CREATE TABLE rollup_units (
    node_id                   bigint PRIMARY KEY REFERENCES org_unit (id),
    chapters                  bigint NOT NULL DEFAULT 0,
    boards                    bigint NOT NULL DEFAULT 0,
    communes_with_association bigint NOT NULL DEFAULT 0
);

INSERT INTO rollup_units (node_id, chapters, boards, communes_with_association)
SELECT n.id,
       count(g.id) FILTER (WHERE g.kind = 'CHAPTER'),
       count(g.id) FILTER (WHERE g.kind = 'BOARD'),
       CASE WHEN n.level = 2 THEN 0 ELSE count(DISTINCT g.parent_id) END
FROM org_unit n
LEFT JOIN org_unit g ON g.level = 3 AND g.active AND g.path LIKE n.path || '%'
WHERE n.level < 3
GROUP BY n.id, n.level;

CREATE FUNCTION rollup_units_apply(unit org_unit, sign int) RETURNS void LANGUAGE plpgsql AS $$
-- A grassroots unit's path is /central/province/commune/unit/: its ancestors are the 2nd to 4th parts.
DECLARE
    had_units boolean;
    has_units boolean;
BEGIN
    IF NOT unit.active THEN
        RETURN;
    END IF;
    SELECT chapters + boards > 0 INTO had_units FROM rollup_units WHERE node_id = unit.parent_id;
    -- commune, then province, then central: always in this order, so concurrent changes cannot deadlock
    UPDATE rollup_units
    SET chapters = chapters + CASE WHEN unit.kind = 'CHAPTER' THEN sign ELSE 0 END,
        boards = boards + CASE WHEN unit.kind = 'BOARD' THEN sign ELSE 0 END
    WHERE node_id IN (split_part(unit.path, '/', 2)::bigint, split_part(unit.path, '/', 3)::bigint,
                      split_part(unit.path, '/', 4)::bigint);
    SELECT chapters + boards > 0 INTO has_units FROM rollup_units WHERE node_id = unit.parent_id;
    IF had_units <> has_units THEN
        UPDATE rollup_units
        SET communes_with_association = communes_with_association + CASE WHEN has_units THEN 1 ELSE -1 END
        WHERE node_id IN (split_part(unit.path, '/', 2)::bigint, split_part(unit.path, '/', 3)::bigint);
    END IF;
END;
$$;

CREATE FUNCTION rollup_units_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.level < 3 THEN
            INSERT INTO rollup_units (node_id) VALUES (NEW.id);
        ELSE
            PERFORM rollup_units_apply(NEW, 1);
        END IF;
    ELSIF NEW.level = 3 AND (OLD.active, OLD.kind) IS DISTINCT FROM (NEW.active, NEW.kind) THEN
        PERFORM rollup_units_apply(OLD, -1);
        PERFORM rollup_units_apply(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER rollup_units AFTER INSERT OR UPDATE OF active, kind ON org_unit
    FOR EACH ROW EXECUTE FUNCTION rollup_units_trigger();
