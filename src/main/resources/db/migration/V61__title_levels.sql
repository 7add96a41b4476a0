-- Every level recognises what is its to recognise (DESIGN.md §10, issue 14):
--   communes:  families, communities, citizens (registered by grassroots units), clans and learning units of
--              commune level (registered by the commune);
--   provinces: learning units of province level (registered by the province) and learning communes
--              (kind COMMUNE, registered by the commune itself);
--   national:  learning provinces (kind PROVINCE, registered by the province itself).
-- recognising_node_id is the node whose staff evaluate and decide; the placing trigger (R__registrations.sql) sets it.
--
-- A registration a province makes itself has no commune: its commune_id holds the province's own id, so that
-- it is counted once, at the province, by the roll-ups (which count a registration at its province, commune
-- and node: here all three are the province) and is unique per province like a commune's are per commune.

ALTER TABLE title_registration DROP CONSTRAINT title_registration_kind_check;
ALTER TABLE title_registration ADD CONSTRAINT title_registration_kind_check
    CHECK (kind IN ('FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'CITIZEN', 'COMMUNE', 'PROVINCE'));

ALTER TABLE title_registration DROP CONSTRAINT title_registration_kind_fields;
ALTER TABLE title_registration ADD CONSTRAINT title_registration_kind_fields CHECK (
    CASE kind
        WHEN 'FAMILY' THEN btrim(coalesce(address, '')) <> '' AND household_size IS NOT NULL
            AND representative IS NULL AND unit_type IS NULL AND birth_year IS NULL AND member_id IS NULL
        WHEN 'CLAN' THEN btrim(coalesce(representative, '')) <> ''
            AND address IS NULL AND household_size IS NULL AND unit_type IS NULL AND birth_year IS NULL
            AND member_id IS NULL
        WHEN 'UNIT' THEN unit_type IS NOT NULL
            AND address IS NULL AND household_size IS NULL AND representative IS NULL AND birth_year IS NULL
            AND member_id IS NULL
        WHEN 'CITIZEN' THEN birth_year IS NOT NULL
            AND address IS NULL AND household_size IS NULL AND representative IS NULL AND unit_type IS NULL
        ELSE address IS NULL AND household_size IS NULL AND representative IS NULL
            AND unit_type IS NULL AND birth_year IS NULL AND member_id IS NULL
    END);

-- Existing registrations are all their commune's to recognise. The backfill is one set-based statement with the
-- table's own triggers off (placing, report lock, roll-ups: none has anything to do here, and firing them row by row
-- would take hours on the country's 56 million registrations); the foreign key is checked once, after it.
ALTER TABLE title_registration ADD COLUMN recognising_node_id bigint;
ALTER TABLE title_registration DISABLE TRIGGER USER;
UPDATE title_registration SET recognising_node_id = commune_id;
ALTER TABLE title_registration ENABLE TRIGGER USER;
ALTER TABLE title_registration ALTER COLUMN recognising_node_id SET NOT NULL;
ALTER TABLE title_registration ADD CONSTRAINT title_registration_recognising_node_id_fkey
    FOREIGN KEY (recognising_node_id) REFERENCES org_unit (id);

CREATE INDEX title_registration_recognising_idx ON title_registration (recognising_node_id, year, kind, status);
-- the registrations one decision recognised (its certificates)
CREATE INDEX title_registration_decision_idx ON title_registration (recognising_node_id, decision_number)
    WHERE status = 'RECOGNISED';
