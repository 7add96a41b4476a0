-- The year-end evaluation list pages by keyset in an order this index serves (issue 18): a commune's registrations of
-- a year by kind (in the kinds' usual order), then the subject's name as people type it (title_fold), then id, each
-- page one index range from the last registration shown. Before, the list was ordered by the registering unit's
-- folded name too, which no index of title_registration can hold: every page sorted the commune's whole year after
-- folding two names per row and joining the units (0.3 s for the largest commune at the country's scale, 3 s at
-- twenty users). The expressions are written as RegistrationQueries.EVALUATION_ORDER writes them.
-- Built CONCURRENTLY (V66__evaluation_list_order.sql.conf runs this script outside a transaction): on a live
-- database of the whole country the build takes minutes, during which registrations keep being saved.
CREATE INDEX CONCURRENTLY IF NOT EXISTS title_registration_evaluation_order_idx
    ON title_registration (recognising_node_id, year,
        (array_position(ARRAY['FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'CITIZEN', 'COMMUNE', 'PROVINCE']::varchar[], kind)),
        title_fold(subject_name), id)
    WHERE status <> 'WITHDRAWN';
