-- The yearly reporting cycle (DESIGN.md section 9, after DHIS2's data approval). Per reporting node (commune or
-- province) and year one row, created by the first change of a record of that year ('IN_PROGRESS') or by the first
-- action on it; no row means "not started". SUBMITTED and APPROVED lock the node's records of the year in the
-- database (require_unlocked, R__reporting.sql). A province's APPROVED is the national board's acceptance.
CREATE TABLE annual_report (
    node_id      bigint      NOT NULL REFERENCES org_unit (id),
    year         smallint    NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    state        varchar(12) NOT NULL CHECK (state IN ('IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    -- the last submission: when, by whom, and the node's dashboard figures as they stood then
    submitted_at timestamptz,
    submitted_by varchar(50),
    figures      jsonb,
    -- the last decision of the level above (approval or return) and, for a return, its reason
    decided_at   timestamptz,
    decided_by   varchar(50),
    reason       varchar(500),
    changed_at   timestamptz NOT NULL DEFAULT now(),
    version      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year),
    CONSTRAINT annual_report_submission CHECK (
        state NOT IN ('SUBMITTED', 'APPROVED') OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL AND figures IS NOT NULL)),
    CONSTRAINT annual_report_return_reason CHECK (state <> 'RETURNED' OR btrim(coalesce(reason, '')) <> '')
);

CREATE INDEX annual_report_year_state_idx ON annual_report (year, state);

-- Every change of state a person made, with who, when and why, and the figures of each submission: the report's
-- history. Append-only.
CREATE TABLE annual_report_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id     bigint      NOT NULL REFERENCES org_unit (id),
    year        smallint    NOT NULL,
    action      varchar(12) NOT NULL CHECK (action IN ('SUBMIT', 'APPROVE', 'RETURN', 'REOPEN')),
    from_state  varchar(12) NOT NULL,
    to_state    varchar(12) NOT NULL,
    reason      varchar(500),
    figures     jsonb,
    actor       varchar(50) NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT annual_report_event_return_reason CHECK (action <> 'RETURN' OR btrim(coalesce(reason, '')) <> '')
);

CREATE INDEX annual_report_event_node_idx ON annual_report_event (node_id, year, occurred_at DESC, id DESC);

-- The deadline by which the children of a node report for a year: the central node's row is the provinces'
-- deadline (default 15 December), a province's row its communes' (default 5 December).
CREATE TABLE report_deadline (
    node_id  bigint      NOT NULL REFERENCES org_unit (id),
    year     smallint    NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    deadline date        NOT NULL,
    set_by   varchar(50) NOT NULL,
    set_at   timestamptz NOT NULL DEFAULT now(),
    version  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year),
    CONSTRAINT report_deadline_in_year CHECK (deadline >= make_date(year, 1, 1) AND deadline < make_date(year + 2, 1, 1))
);

-- Staff are rung when their report is late: an optional phone on every account (same format as members' phones).
ALTER TABLE app_user ADD COLUMN phone varchar(15) CHECK (phone ~ '^0[0-9]{9,10}$');
