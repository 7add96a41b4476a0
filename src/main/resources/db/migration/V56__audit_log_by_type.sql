-- The audit page filtered by the kind of record, paged by keyset (issue 18): newest first among that kind's entries
-- only. Without it a rare kind (accounts, closed years) is found by walking audit_log_occurred_idx past every entry of
-- the common ones (each member list read is an entry).
CREATE INDEX audit_log_type_occurred_idx ON audit_log (entity_type, occurred_at DESC, id DESC);
