-- rollup_rebuild() recounts the structure roll-up (rollup_units) too, with V10's definition, so that every roll-up
-- can be rebuilt from the records. The data set generator creates its ~150,000 units with the rollup_units trigger
-- off: in one statement, each unit's update of the central row has to step over all the row versions the statement
-- made before it, which grows with the square of the number of units (minutes at full scale instead of seconds).

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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

    DELETE FROM rollup_members;
    DELETE FROM rollup_titles;
    DELETE FROM rollup_funds;
    DELETE FROM rollup_reached;

    INSERT INTO rollup_members (node_id, year, joined, departed, party_joined, party_departed)
    SELECT n.node_id, f.year, sum(f.joined), sum(f.departed), sum(f.party_joined), sum(f.party_departed)
    FROM member m
    CROSS JOIN LATERAL member_flows(m, 1) f
    CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
    GROUP BY n.node_id, f.year
    ORDER BY n.node_id, f.year;

    INSERT INTO rollup_titles (node_id, year, kind, registered, recognised)
    SELECT n.node_id, r.year, r.kind, count(*), count(*) FILTER (WHERE r.status = 'RECOGNISED')
    FROM title_registration r
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    WHERE r.status <> 'WITHDRAWN'
    GROUP BY n.node_id, r.year, r.kind
    ORDER BY n.node_id, r.year, r.kind;

    INSERT INTO rollup_funds (node_id, year, raised, disbursed)
    SELECT n.node_id, e.year, coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT'), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    GROUP BY n.node_id, e.year
    ORDER BY n.node_id, e.year;

    INSERT INTO rollup_reached (node_id, year, category, people)
    SELECT n.node_id, e.year, e.category, sum(e.people_reached)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    WHERE e.people_reached IS NOT NULL
    GROUP BY n.node_id, e.year, e.category
    ORDER BY n.node_id, e.year, e.category;
END;
$$;
