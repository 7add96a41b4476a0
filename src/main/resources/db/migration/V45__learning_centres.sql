-- Community learning centres (trung tâm học tập cộng đồng, issue 15, DESIGN.md section 11): the register of each
-- commune's centres, each centre's year (activity by kind, the chair's part, its digital-hub state), the commune
-- association's staff trained in digital skills per year, the fund disbursements that name the centre they support,
-- and the roll-up the dashboards read. Functions and triggers are in R__centres.sql.

-- The register. A centre belongs to a commune (set up by the commune People's Committee since mid-2025), named by
-- the decision that set it up. It operates until it closes: closed_on is null while it operates.
CREATE TABLE learning_centre (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commune_id      bigint       NOT NULL REFERENCES org_unit (id),
    province_id     bigint       NOT NULL REFERENCES org_unit (id),   -- set by the trigger from the commune
    name            varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    address         varchar(300),
    decision_number varchar(60)  NOT NULL CHECK (btrim(decision_number) <> ''),
    decision_date   date         NOT NULL CHECK (decision_date >= DATE '1990-01-01'),
    director        varchar(120),
    closed_on       date,
    version         bigint       NOT NULL DEFAULT 0,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    updated_by      varchar(50)  NOT NULL,
    CONSTRAINT learning_centre_closed_after_setup CHECK (closed_on IS NULL OR closed_on >= decision_date)
);

CREATE UNIQUE INDEX learning_centre_name_uq ON learning_centre (commune_id, lower(name));
CREATE INDEX learning_centre_province_idx ON learning_centre (province_id);

-- A centre's year: classes and learner-turns (lượt người) by kind, whether the association's chair or vice-chair
-- takes part in running it, and its digital-hub state. What makes "a digital hub" is defined once, in
-- centre_is_hub() (R__centres.sql) and CentreYear.isDigitalHub(): internet, at least one computer for learners,
-- open learning materials in use and at least one digital-skills class in the year.
CREATE TABLE centre_year (
    centre_id           bigint   NOT NULL REFERENCES learning_centre (id),
    year                smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    commune_id          bigint   NOT NULL REFERENCES org_unit (id),   -- the centre's, set by the trigger
    province_id         bigint   NOT NULL REFERENCES org_unit (id),
    classes_literacy    integer  NOT NULL DEFAULT 0,
    classes_vocational  integer  NOT NULL DEFAULT 0,
    classes_law         integer  NOT NULL DEFAULT 0,
    classes_digital     integer  NOT NULL DEFAULT 0,
    classes_languages   integer  NOT NULL DEFAULT 0,
    classes_health      integer  NOT NULL DEFAULT 0,
    classes_other       integer  NOT NULL DEFAULT 0,
    turns_literacy      integer  NOT NULL DEFAULT 0,
    turns_vocational    integer  NOT NULL DEFAULT 0,
    turns_law           integer  NOT NULL DEFAULT 0,
    turns_digital       integer  NOT NULL DEFAULT 0,
    turns_languages     integer  NOT NULL DEFAULT 0,
    turns_health        integer  NOT NULL DEFAULT 0,
    turns_other         integer  NOT NULL DEFAULT 0,
    chair_takes_part    boolean  NOT NULL DEFAULT false,
    internet            boolean  NOT NULL DEFAULT false,
    learner_computers   integer  NOT NULL DEFAULT 0,
    open_materials      boolean  NOT NULL DEFAULT false,
    grade               varchar(8) CHECK (grade IN ('GOOD', 'FAIR', 'AVERAGE', 'WEAK')),
    version             bigint   NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          varchar(50) NOT NULL,
    PRIMARY KEY (centre_id, year),
    -- a centre holds at most 100,000 classes and 10 million learner-turns of a kind in a year, 10,000 computers
    CONSTRAINT centre_year_classes CHECK (
        classes_literacy BETWEEN 0 AND 100000 AND classes_vocational BETWEEN 0 AND 100000
        AND classes_law BETWEEN 0 AND 100000 AND classes_digital BETWEEN 0 AND 100000
        AND classes_languages BETWEEN 0 AND 100000 AND classes_health BETWEEN 0 AND 100000
        AND classes_other BETWEEN 0 AND 100000),
    CONSTRAINT centre_year_turns CHECK (
        turns_literacy BETWEEN 0 AND 10000000 AND turns_vocational BETWEEN 0 AND 10000000
        AND turns_law BETWEEN 0 AND 10000000 AND turns_digital BETWEEN 0 AND 10000000
        AND turns_languages BETWEEN 0 AND 10000000 AND turns_health BETWEEN 0 AND 10000000
        AND turns_other BETWEEN 0 AND 10000000),
    CONSTRAINT centre_year_computers CHECK (learner_computers BETWEEN 0 AND 10000)
);

CREATE INDEX centre_year_commune_idx ON centre_year (commune_id, year);
CREATE INDEX centre_year_province_idx ON centre_year (province_id, year);

-- The commune association's staff (cán bộ khuyến học of the commune) and how many of them were trained in digital
-- skills in the year: Decision 387 asks for 40 %.
CREATE TABLE commune_digital_staff (
    commune_id  bigint      NOT NULL REFERENCES org_unit (id),
    year        smallint    NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    province_id bigint      NOT NULL REFERENCES org_unit (id),       -- set by the trigger
    staff       integer     NOT NULL CHECK (staff BETWEEN 0 AND 100000),
    trained     integer     NOT NULL CHECK (trained BETWEEN 0 AND 100000),
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  varchar(50) NOT NULL,
    PRIMARY KEY (commune_id, year),
    CONSTRAINT commune_digital_staff_trained CHECK (trained <= staff)
);

-- A disbursement to a community learning centre may name the centre it supports. Adding a nullable column rewrites
-- nothing and fires no trigger: the ledger stays append-only (fund_entry_append_only still refuses any UPDATE,
-- this column's included), and old entries' hashes are unchanged (fund_entry_digest covers the centre only when
-- one is named).
ALTER TABLE fund_entry ADD COLUMN centre_id bigint REFERENCES learning_centre (id);
ALTER TABLE fund_entry ADD CONSTRAINT fund_entry_centre
    CHECK (centre_id IS NULL OR category = 'COMMUNITY_LEARNING_CENTRE');
CREATE INDEX fund_entry_centre_idx ON fund_entry (centre_id) WHERE centre_id IS NOT NULL;

-- The roll-up of all of the above per node and year, kept by triggers in the same transaction as the records: for
-- communes and provinces the figures of their subtree; support from funds also on grassroots units (their own
-- fund entries) and, for the central association's own entries, on the central row (as rollup_funds).
-- opened / closed are flows (centres set up / closed in the year): centres operating at the end of year Y are
-- sum(opened - closed) over years <= Y; centres of year Y (operating at some time in it) are that plus closed in Y.
CREATE TABLE rollup_centres (
    node_id            bigint   NOT NULL REFERENCES org_unit (id),
    year               smallint NOT NULL,
    opened             bigint   NOT NULL DEFAULT 0,
    closed             bigint   NOT NULL DEFAULT 0,
    reporting          bigint   NOT NULL DEFAULT 0,   -- centres with a record of the year
    hubs               bigint   NOT NULL DEFAULT 0,
    chair              bigint   NOT NULL DEFAULT 0,
    classes_literacy   bigint   NOT NULL DEFAULT 0,
    classes_vocational bigint   NOT NULL DEFAULT 0,
    classes_law        bigint   NOT NULL DEFAULT 0,
    classes_digital    bigint   NOT NULL DEFAULT 0,
    classes_languages  bigint   NOT NULL DEFAULT 0,
    classes_health     bigint   NOT NULL DEFAULT 0,
    classes_other      bigint   NOT NULL DEFAULT 0,
    turns_literacy     bigint   NOT NULL DEFAULT 0,
    turns_vocational   bigint   NOT NULL DEFAULT 0,
    turns_law          bigint   NOT NULL DEFAULT 0,
    turns_digital      bigint   NOT NULL DEFAULT 0,
    turns_languages    bigint   NOT NULL DEFAULT 0,
    turns_health       bigint   NOT NULL DEFAULT 0,
    turns_other        bigint   NOT NULL DEFAULT 0,
    support            bigint   NOT NULL DEFAULT 0,   -- VND disbursed in the centres' category (reversals netted)
    staff              bigint   NOT NULL DEFAULT 0,
    staff_trained      bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year)
) WITH (fillfactor = 70);
