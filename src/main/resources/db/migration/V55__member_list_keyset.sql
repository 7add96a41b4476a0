-- Member lists page by keyset (issue 18): each order a list offers over a province or the country is served by an
-- index that ends in a unique key, so that "the next 50 after this member" is one index range read, whatever the
-- page, instead of sorting the whole subtree per request (3.7 s for the country's list at a tenth of the country).
-- The name order is the rosters' own (given name, then the whole name, in Vietnamese collation; MemberService's
-- GIVEN_KEY and FULL_KEY), the expressions written exactly as the queries write them so that the planner matches them.
-- A grassroots unit's members (a few hundred) are sorted in memory from member_unit_idx; a commune has its own
-- name index because at the full scale a commune holds ~10,000 members.

-- the country's list, and every province's and commune's, by name
CREATE INDEX member_name_order_idx
    ON member ((substring(full_name FROM '[^ ]+$') COLLATE vietnamese), (full_name COLLATE vietnamese), id);
CREATE INDEX member_province_name_order_idx
    ON member (province_id, (substring(full_name FROM '[^ ]+$') COLLATE vietnamese), (full_name COLLATE vietnamese), id);
CREATE INDEX member_commune_name_order_idx
    ON member (commune_id, (substring(full_name FROM '[^ ]+$') COLLATE vietnamese), (full_name COLLATE vietnamese), id);
-- by date joined (the country's, a province's); by card number the country uses member_card_number_uq
CREATE INDEX member_joined_order_idx ON member (joined_on, id);
CREATE INDEX member_province_joined_order_idx ON member (province_id, joined_on, id);
CREATE INDEX member_province_card_idx ON member (province_id, card_number);
