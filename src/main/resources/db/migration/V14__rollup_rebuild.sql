-- A learning citizen's link to a member (both tables exist now), and rollup_rebuild(): every roll-up of the
-- records recomputed from the records, set-based. The data set generator loads with the roll-up triggers off and
-- calls it once; its definitions are the triggers' own (member_flows(), a registration at its node, commune and
-- province, a fund entry at its node and ancestors below the central node).

ALTER TABLE title_registration
    ADD CONSTRAINT title_registration_member_fk FOREIGN KEY (member_id) REFERENCES member (id);
CREATE INDEX title_registration_member_idx ON title_registration (member_id) WHERE member_id IS NOT NULL;

CREATE FUNCTION rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
    GROUP BY n.node_id, f.year;

    INSERT INTO rollup_titles (node_id, year, kind, registered, recognised)
    SELECT n.node_id, r.year, r.kind, count(*), count(*) FILTER (WHERE r.status = 'RECOGNISED')
    FROM title_registration r
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[r.province_id, r.commune_id, r.node_id]) AS node_id) n
    WHERE r.status <> 'WITHDRAWN'
    GROUP BY n.node_id, r.year, r.kind;

    INSERT INTO rollup_funds (node_id, year, raised, disbursed)
    SELECT n.node_id, e.year, coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT'), 0)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    GROUP BY n.node_id, e.year;

    INSERT INTO rollup_reached (node_id, year, category, people)
    SELECT n.node_id, e.year, e.category, sum(e.people_reached)
    FROM fund_entry e
    CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[e.province_id, e.commune_id, e.node_id]) x
                        WHERE x IS NOT NULL) n (node_id)
    WHERE e.people_reached IS NOT NULL
    GROUP BY n.node_id, e.year, e.category;
END;
$$;
