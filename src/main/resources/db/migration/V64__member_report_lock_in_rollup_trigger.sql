-- The yearly report's lock on members is checked by the roll-up's own statement triggers (R__members.sql), with the
-- flows they compute anyway: the separate statement triggers that computed the same flows a second time on every
-- member save go.
DROP TRIGGER IF EXISTS member_report_inserted ON member;
DROP TRIGGER IF EXISTS member_report_updated ON member;
DROP TRIGGER IF EXISTS member_report_deleted ON member;
DROP FUNCTION IF EXISTS member_report_inserted();
DROP FUNCTION IF EXISTS member_report_updated();
DROP FUNCTION IF EXISTS member_report_deleted();
