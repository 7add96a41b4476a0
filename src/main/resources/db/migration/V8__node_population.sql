-- Population (and households) of a province or commune per year: the denominators of "members as a share of
-- the population" and "funds raised per capita". Entered by the node's own staff; the country's figure is the
-- sum of its provinces', known only when all 34 are.
CREATE TABLE node_population (
    node_id    bigint      NOT NULL REFERENCES org_unit (id),
    year       smallint    NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    population bigint      NOT NULL CHECK (population > 0),
    households bigint CHECK (households > 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by varchar(50) NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year)
);
