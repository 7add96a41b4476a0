-- A dashboard reads, for each node it shows, all of that node's yearly roll-up rows (the stocks are sums of the
-- flows of every year so far: about thirty rows a node). Kept together on one or two pages, the national view reads
-- a few dozen pages instead of one page per row:
--   * rollup_rebuild() writes each table in (node, year) order, so a rebuilt table is clustered by node;
--   * a fill factor leaves room on each page, so that the triggers' updates stay on the row's page (HOT updates)
--     and a node's rows stay together as the years go by.
ALTER TABLE rollup_members SET (fillfactor = 70);
ALTER TABLE rollup_titles SET (fillfactor = 70);
ALTER TABLE rollup_funds SET (fillfactor = 70);
ALTER TABLE rollup_reached SET (fillfactor = 70);

CREATE OR REPLACE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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
