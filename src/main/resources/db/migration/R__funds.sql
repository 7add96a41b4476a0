-- Fund ledgers: vouchers, balance and hash chain kept by the database, append-only, and their roll-up.
-- The current text of every function and trigger of this feature, in one place (repeatable migration: Flyway
-- runs it again whenever this file changes, after all versioned migrations). Tables and data stay in versioned
-- migrations; versioned migrations before V18 created these objects first and are never edited.
-- Functions: CREATE OR REPLACE FUNCTION (same signature); triggers: CREATE OR REPLACE TRIGGER.

-- from V7
-- What a fund can pay out on a date without its balance going below zero that day or on any later day with
-- entries: the least of the balance at the end of that day and the running balances of every later day.
CREATE OR REPLACE FUNCTION fund_available(fund_node bigint, on_date date) RETURNS bigint LANGUAGE sql STABLE AS $$
    WITH daily AS (
        SELECT entry_date, sum(balance_effect) AS delta FROM fund_entry WHERE node_id = fund_node GROUP BY entry_date
    ), running AS (
        SELECT entry_date, sum(delta) OVER (ORDER BY entry_date) AS balance FROM daily
    )
    SELECT least(coalesce((SELECT sum(delta) FROM daily WHERE entry_date <= on_date), 0),
                 (SELECT min(balance) FROM running WHERE entry_date > on_date))::bigint
$$;

-- from V7
-- The SHA-256 of an entry's content chained to the previous entry's hash. Texts carry their length so that no
-- shift of characters between fields can give the same input; dates and times are written in a fixed form.
CREATE OR REPLACE FUNCTION fund_entry_digest(e fund_entry, previous bytea) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT sha256(convert_to(concat_ws(E'\x1f',
        coalesce(encode(previous, 'hex'), '-'), e.id, e.node_id, e.chain_seq, e.voucher_number,
        to_char(e.entry_date, 'YYYY-MM-DD'), e.direction, e.category, e.amount,
        coalesce(e.people_reached::text, '-'), coalesce(e.reverses_entry_id::text, '-'),
        length(coalesce(e.counterparty, '')) || ':' || coalesce(e.counterparty, ''),
        length(coalesce(e.note, '')) || ':' || coalesce(e.note, ''),
        e.recorded_by, coalesce(e.recorded_by_id::text, '-'),
        (extract(EPOCH FROM e.recorded_at) * 1000000)::bigint), 'UTF8'))
$$;

-- from V7
-- Everything the database decides about a new entry, in one place: where it belongs, that its year is open, that
-- a reversal mirrors an entry not yet reversed, that the fund is not overdrawn, its voucher number, its hash.
CREATE OR REPLACE FUNCTION fund_entry_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node      org_unit%ROWTYPE;
    head      fund%ROWTYPE;
    original  fund_entry%ROWTYPE;
    effect    bigint;
    available bigint;
    seq       integer;
BEGIN
    SELECT * INTO node FROM org_unit WHERE id = NEW.node_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'org_unit % does not exist', NEW.node_id;
    END IF;
    NEW.province_id := node.province_id;
    NEW.commune_id := CASE node.level WHEN 2 THEN node.id WHEN 3 THEN node.parent_id END;
    NEW.year := extract(YEAR FROM NEW.entry_date);
    NEW.recorded_at := now();
    PERFORM require_open_year(NEW.year);

    -- the fund's lock: every entry of one fund waits here for the one before it to commit (a fund is opened by its
    -- first entry; two first entries at once both end up locking the one row)
    SELECT * INTO head FROM fund WHERE node_id = NEW.node_id FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO fund (node_id) VALUES (NEW.node_id) ON CONFLICT (node_id) DO NOTHING;
        SELECT * INTO STRICT head FROM fund WHERE node_id = NEW.node_id FOR UPDATE;
    END IF;

    IF NEW.reverses_entry_id IS NOT NULL THEN
        SELECT * INTO original FROM fund_entry WHERE id = NEW.reverses_entry_id;
        IF NOT FOUND OR original.node_id <> NEW.node_id THEN
            RAISE EXCEPTION 'fund_entry % is not an entry of this fund', NEW.reverses_entry_id USING ERRCODE = 'KH203';
        END IF;
        IF original.reverses_entry_id IS NOT NULL THEN
            RAISE EXCEPTION 'fund_entry % is a reversal and cannot be reversed', original.id USING ERRCODE = 'KH203';
        END IF;
        IF EXISTS (SELECT 1 FROM fund_entry WHERE reverses_entry_id = original.id) THEN
            RAISE EXCEPTION 'fund_entry % is already reversed', original.id USING ERRCODE = 'KH202';
        END IF;
        IF (NEW.direction, NEW.category, NEW.amount, NEW.people_reached, NEW.counterparty)
            IS DISTINCT FROM
           (original.direction, original.category, -original.amount, -original.people_reached, original.counterparty)
           OR NEW.entry_date < original.entry_date THEN
            RAISE EXCEPTION 'a reversal mirrors fund_entry % exactly, on or after its date', original.id
                USING ERRCODE = 'KH203';
        END IF;
    END IF;

    effect := CASE WHEN NEW.direction = 'RECEIPT' THEN NEW.amount ELSE -NEW.amount END;
    IF effect < 0 THEN
        available := fund_available(NEW.node_id, NEW.entry_date);
        IF available + effect < 0 THEN
            RAISE EXCEPTION 'the fund of org_unit % has % VND available on %: % VND refused',
                NEW.node_id, available, NEW.entry_date, -effect USING ERRCODE = 'KH201';
        END IF;
    END IF;

    INSERT INTO fund_voucher_counter AS c (node_id, year, direction, last_number)
    VALUES (NEW.node_id, NEW.year, NEW.direction, 1)
    ON CONFLICT (node_id, year, direction) DO UPDATE SET last_number = c.last_number + 1
    RETURNING last_number INTO seq;
    NEW.voucher_seq := seq;
    NEW.voucher_number := CASE NEW.direction WHEN 'RECEIPT' THEN 'PT' ELSE 'PC' END || '-' || NEW.year || '-'
        || lpad(seq::text, greatest(4, length(seq::text)), '0');

    NEW.chain_seq := head.entry_count + 1;
    NEW.entry_hash := fund_entry_digest(NEW, head.last_hash);
    UPDATE fund SET entry_count = NEW.chain_seq, last_hash = NEW.entry_hash WHERE node_id = NEW.node_id;
    RETURN NEW;
END;
$$;

-- from V7
-- The dashboards' roll-ups, in the same transaction: the entry's own node and its ancestors below the central node
-- (deepest first, the same order for every writer), or the central node's own row for a central entry.
CREATE OR REPLACE FUNCTION fund_entry_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    node_path varchar;
    target    bigint;
BEGIN
    SELECT path INTO STRICT node_path FROM org_unit WHERE id = NEW.node_id;
    FOR target IN
        SELECT part::bigint FROM unnest(string_to_array(btrim(node_path, '/'), '/')) WITH ORDINALITY AS t (part, ord)
        WHERE ord > 1 OR NEW.province_id IS NULL
        ORDER BY ord DESC
    LOOP
        INSERT INTO rollup_funds AS r (node_id, year, raised, disbursed)
        VALUES (target, NEW.year, CASE WHEN NEW.direction = 'RECEIPT' THEN NEW.amount ELSE 0 END,
                CASE WHEN NEW.direction = 'DISBURSEMENT' THEN NEW.amount ELSE 0 END)
        ON CONFLICT (node_id, year) DO UPDATE
            SET raised = r.raised + EXCLUDED.raised, disbursed = r.disbursed + EXCLUDED.disbursed;
        IF NEW.people_reached IS NOT NULL THEN
            INSERT INTO rollup_reached AS r (node_id, year, category, people)
            VALUES (target, NEW.year, NEW.category, NEW.people_reached)
            ON CONFLICT (node_id, year, category) DO UPDATE SET people = r.people + EXCLUDED.people;
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

-- from V7
-- Append-only, whoever connects: no UPDATE, DELETE or TRUNCATE of an entry.
CREATE OR REPLACE FUNCTION fund_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fund_entry is append-only: % refused (put a mistake right with a reversing entry)', TG_OP
        USING ERRCODE = 'KH200';
END;
$$;

-- from V7
-- The counters and chain heads only ever move one step forward, and are never removed.
CREATE OR REPLACE FUNCTION fund_voucher_counter_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.node_id, NEW.year, NEW.direction, NEW.last_number)
           = (OLD.node_id, OLD.year, OLD.direction, OLD.last_number + 1) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'fund_voucher_counter: % refused', TG_OP USING ERRCODE = 'KH200';
END;
$$;

-- from V7
CREATE OR REPLACE FUNCTION fund_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.node_id, NEW.entry_count, NEW.opened_at) = (OLD.node_id, OLD.entry_count + 1, OLD.opened_at) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'fund: % refused', TG_OP USING ERRCODE = 'KH200';
END;
$$;

-- from V7
-- Recomputes a fund's hash chain: how many entries it holds, and the chain position of the first entry whose
-- content, position or link no longer matches (entry_count + 1 when entries at the end are missing), or null.
CREATE OR REPLACE FUNCTION fund_verify(fund_node bigint, OUT entries bigint, OUT first_broken bigint)
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    e        fund_entry%ROWTYPE;
    previous bytea;
    head     fund%ROWTYPE;
BEGIN
    entries := 0;
    first_broken := NULL;
    FOR e IN SELECT * FROM fund_entry WHERE node_id = fund_node ORDER BY chain_seq LOOP
        entries := entries + 1;
        IF first_broken IS NULL AND (e.chain_seq <> entries OR e.entry_hash <> fund_entry_digest(e, previous)) THEN
            first_broken := entries;
        END IF;
        previous := e.entry_hash;
    END LOOP;
    SELECT * INTO head FROM fund WHERE node_id = fund_node;
    IF first_broken IS NULL AND FOUND
       AND (head.entry_count <> entries OR head.last_hash IS DISTINCT FROM previous) THEN
        first_broken := entries + 1;
    END IF;
END;
$$;

-- from V7
CREATE OR REPLACE TRIGGER fund_entry_before_insert BEFORE INSERT ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_before_insert();

-- from V7
CREATE OR REPLACE TRIGGER fund_entry_rollup AFTER INSERT ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_rollup();

-- from V7
CREATE OR REPLACE TRIGGER fund_entry_append_only BEFORE UPDATE OR DELETE ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_append_only();

-- from V7
CREATE OR REPLACE TRIGGER fund_entry_no_truncate BEFORE TRUNCATE ON fund_entry
    FOR EACH STATEMENT EXECUTE FUNCTION fund_entry_append_only();

-- from V7
CREATE OR REPLACE TRIGGER fund_voucher_counter_forward_only BEFORE UPDATE OR DELETE ON fund_voucher_counter
    FOR EACH ROW EXECUTE FUNCTION fund_voucher_counter_forward_only();

-- from V7
CREATE OR REPLACE TRIGGER fund_voucher_counter_no_truncate BEFORE TRUNCATE ON fund_voucher_counter
    FOR EACH STATEMENT EXECUTE FUNCTION fund_voucher_counter_forward_only();

-- from V7
CREATE OR REPLACE TRIGGER fund_forward_only BEFORE UPDATE OR DELETE ON fund
    FOR EACH ROW EXECUTE FUNCTION fund_forward_only();

-- from V7
CREATE OR REPLACE TRIGGER fund_no_truncate BEFORE TRUNCATE ON fund
    FOR EACH STATEMENT EXECUTE FUNCTION fund_forward_only();
