-- Roll-ups of the records, per node and year, for the dashboards and exports. A row (node, year) holds the
-- figures of the node's whole subtree for provinces, communes and grassroots units; the central node's row holds
-- only the central association's own records (the country's figures are the provinces' rows plus it), so that
-- no single row is written by every transaction in the country.
--
-- Flows are per year (joined, departed, registered, raised, ...); stocks are derived by summing flows over the
-- years up to the one asked for (members at year end = all joined minus all departed up to it; fund balance
-- = all raised minus all disbursed up to it). Triggers on the record tables keep these rows in the same
-- transaction as the records they count; rollup_rebuild() recomputes them from the records, set-based.

-- Members: joined in the year (by joined_on), departed in it (left or deceased, by status_changed_on), and the
-- same for Party members.
CREATE TABLE rollup_members (
    node_id        bigint   NOT NULL REFERENCES org_unit (id),
    year           smallint NOT NULL,
    joined         bigint   NOT NULL DEFAULT 0,
    departed       bigint   NOT NULL DEFAULT 0,
    party_joined   bigint   NOT NULL DEFAULT 0,
    party_departed bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year)
);

-- Learning-title registrations of the year by kind: registered (all but withdrawn) and recognised.
CREATE TABLE rollup_titles (
    node_id    bigint      NOT NULL REFERENCES org_unit (id),
    year       smallint    NOT NULL,
    kind       varchar(16) NOT NULL,
    registered bigint      NOT NULL DEFAULT 0,
    recognised bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year, kind)
);

-- Fund entries of the year (reversals included, with their sign): raised and disbursed in whole VND.
CREATE TABLE rollup_funds (
    node_id   bigint   NOT NULL REFERENCES org_unit (id),
    year      smallint NOT NULL,
    raised    bigint   NOT NULL DEFAULT 0,
    disbursed bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year)
);

-- People reached by disbursements of the year, by category.
CREATE TABLE rollup_reached (
    node_id  bigint      NOT NULL REFERENCES org_unit (id),
    year     smallint    NOT NULL,
    category varchar(40) NOT NULL,
    people   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year, category)
);
