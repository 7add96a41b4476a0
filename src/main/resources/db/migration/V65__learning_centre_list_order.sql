-- The register of learning centres pages by keyset (issue 18), like the member list (V55): a province's list, or the
-- country's, is read in the order of this index from the last centre shown (CentreService.list: province, commune,
-- name as the commune's unique index has it, then id), one index range whatever the page, instead of joining every
-- centre of the country to its commune, sorting them by the commune's path and skipping the pages before.
-- A commune's few centres come from learning_centre_name_uq.
CREATE INDEX learning_centre_list_order_idx ON learning_centre (province_id, commune_id, lower(name), id);
