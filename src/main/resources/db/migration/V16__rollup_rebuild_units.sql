-- rollup_rebuild() recounts the structure roll-up (rollup_units) too, so that every roll-up can be rebuilt from the
-- records. The data set generator creates its ~150,000 units with the rollup_units trigger off: in one statement,
-- each unit's update of the central row has to step over all the row versions the statement made before it, which
-- grows with the square of the number of units (minutes at full scale instead of seconds).

-- The structure roll-up from the tree, with the definition V10 filled it with.
CREATE FUNCTION rollup_units_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM rollup_units;
    INSERT INTO rollup_units (node_id, chapters, boards, communes_with_association)
    SELECT n.id,
           count(g.id) FILTER (WHERE g.kind = 'CHAPTER'),
           count(g.id) FILTER (WHERE g.kind = 'BOARD'),
           CASE WHEN n.level = 2 THEN 0 ELSE count(DISTINCT g.parent_id) END
    FROM org_unit n
    LEFT JOIN org_unit g ON g.level = 3 AND g.active AND g.path LIKE n.path || '%'
    WHERE n.level < 3
    GROUP BY n.id, n.level;
$$;

-- The records' roll-ups keep V15's function under a name that says so; rollup_rebuild() does both.
ALTER FUNCTION rollup_rebuild() RENAME TO rollup_records_rebuild;

CREATE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rollup_units_rebuild();
    PERFORM rollup_records_rebuild();
END;
$$;
