-- Issue 13: the figures the reports still lack.
--
-- * Periods finer than a year: the first half of a year (1 January to 30 June) is a period of its own, so every
--   flow roll-up gains a half column (1 = January to June, 2 = July to December) and its key becomes
--   (node, year, half, ...). A year is both halves, a span of years all the halves of its years; stocks are the
--   flows of every half up to the period's end. Rows grow by at most a factor of two.
-- * Money by kind: rollup_money holds, per node, year, half and fund category, the amount (reversals included,
--   with their sign) and the people reached; it replaces rollup_reached, which stays readable as a view.
-- * The network as it stood: grassroots units get founded_on and dissolved_on, and rollup_unit_flows holds per
--   node and half the net number of chapters, boards and communes with an association that came into being
--   (+) or ceased (-), so that any count of units at a period's end is a sum of flows, like the members.
--
-- The new definitions of the trigger functions and of rollup_rebuild() are in R__figures.sql (repeatable); the
-- rows already in the roll-ups are recomputed by it once, with those definitions (rollup_rebuild_pending).

-- ---- units: founded and dissolved -------------------------------------------------------------------------------
ALTER TABLE org_unit ADD COLUMN founded_on date;
ALTER TABLE org_unit ADD COLUMN dissolved_on date;

-- An existing unit starts with the day it was created; an inactive one was dissolved on the day it was last
-- deactivated (from the audit log), or today when the log does not say.
UPDATE org_unit SET founded_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
UPDATE org_unit u
SET dissolved_on = greatest(u.founded_on, coalesce(
        (SELECT max(a.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM audit_log a
         WHERE a.entity_type = 'ORG_UNIT' AND a.entity_id = u.id AND a.action = 'DEACTIVATE'),
        (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date))
WHERE u.level = 3 AND NOT u.active;

ALTER TABLE org_unit ALTER COLUMN founded_on SET DEFAULT ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date);
ALTER TABLE org_unit ALTER COLUMN founded_on SET NOT NULL;
ALTER TABLE org_unit ADD CONSTRAINT org_unit_dissolved_after_founded
    CHECK (dissolved_on IS NULL OR dissolved_on >= founded_on);
ALTER TABLE org_unit ADD CONSTRAINT org_unit_founded_range
    CHECK (founded_on >= DATE '1990-01-01' AND founded_on < DATE '2101-01-01');
-- a grassroots unit is active exactly while it is not dissolved (org_unit_dates keeps the two in step)
ALTER TABLE org_unit ADD CONSTRAINT org_unit_active_dissolved
    CHECK (level < 3 OR active = (dissolved_on IS NULL));

-- ---- flows by half-year -------------------------------------------------------------------------------------
ALTER TYPE member_flow ADD ATTRIBUTE half smallint;

ALTER TABLE rollup_members ADD COLUMN half smallint NOT NULL DEFAULT 2 CHECK (half IN (1, 2));
ALTER TABLE rollup_members DROP CONSTRAINT rollup_members_pkey;
ALTER TABLE rollup_members ADD PRIMARY KEY (node_id, year, half);

ALTER TABLE rollup_titles ADD COLUMN half smallint NOT NULL DEFAULT 2 CHECK (half IN (1, 2));
ALTER TABLE rollup_titles DROP CONSTRAINT rollup_titles_pkey;
ALTER TABLE rollup_titles ADD PRIMARY KEY (node_id, year, half, kind);

ALTER TABLE rollup_funds ADD COLUMN half smallint NOT NULL DEFAULT 2 CHECK (half IN (1, 2));
ALTER TABLE rollup_funds DROP CONSTRAINT rollup_funds_pkey;
ALTER TABLE rollup_funds ADD PRIMARY KEY (node_id, year, half);
-- the rows already there are recomputed (below); from now on every writer says which half
ALTER TABLE rollup_members ALTER COLUMN half DROP DEFAULT;
ALTER TABLE rollup_titles ALTER COLUMN half DROP DEFAULT;
ALTER TABLE rollup_funds ALTER COLUMN half DROP DEFAULT;

-- Money by kind: per node, year, half and category (receipts by source, disbursements by kind), the amount in
-- whole VND and the people reached, reversals included with their sign. Same nodes as rollup_funds.
CREATE TABLE rollup_money (
    node_id  bigint      NOT NULL REFERENCES org_unit (id),
    year     smallint    NOT NULL,
    half     smallint    NOT NULL CHECK (half IN (1, 2)),
    category varchar(40) NOT NULL,
    amount   bigint      NOT NULL DEFAULT 0,
    people   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year, half, category)
) WITH (fillfactor = 70);

DROP TABLE rollup_reached;
-- what rollup_reached held (people reached by category and year), for any reader that still wants it
CREATE VIEW rollup_reached AS
SELECT node_id, year, category, sum(people)::bigint AS people
FROM rollup_money WHERE people <> 0
GROUP BY node_id, year, category;

-- Units as they stood: per node (central = the whole country, province, commune) and half, the net change of the
-- chapters and boards alive (founded on or before the half's end, not dissolved by then) and of the communes with
-- an association (at least one such unit). A commune's own rows hold its own +1/-1 changes.
CREATE TABLE rollup_unit_flows (
    node_id  bigint   NOT NULL REFERENCES org_unit (id),
    year     smallint NOT NULL,
    half     smallint NOT NULL CHECK (half IN (1, 2)),
    chapters bigint   NOT NULL DEFAULT 0,
    boards   bigint   NOT NULL DEFAULT 0,
    communes bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, year, half)
) WITH (fillfactor = 70);

-- the dashboards' cache hears of changes to the new tables too (V17)
CREATE TRIGGER rollup_money_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup_money
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();
CREATE TRIGGER rollup_unit_flows_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rollup_unit_flows
    FOR EACH STATEMENT EXECUTE FUNCTION notify_figures_changed();

-- R__figures.sql recomputes every roll-up once with its new definitions, then empties this table.
CREATE TABLE rollup_rebuild_pending (reason varchar(100) PRIMARY KEY);
INSERT INTO rollup_rebuild_pending VALUES ('V30: flows by half-year, money by kind, units by date');
