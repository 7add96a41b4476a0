package vn.khuyenhoc.audit;

import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.shared.RecordChanges;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * The audit log: every change to units, accounts and records, with who, when, and the values before and after.
 * Entries are written in the transaction of the change they describe, so a change without its entry cannot
 * commit; the table itself refuses updates and deletes.
 */
@Service
public class AuditService {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Asked for when first used: the transaction manager's listeners (the dashboards' cache) depend on this service. */
    private final ObjectProvider<PlatformTransactionManager> transactions;

    AuditService(JdbcClient jdbc, JsonMapper json, ObjectProvider<PlatformTransactionManager> transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    /** A transaction named {@link RecordChanges#AUDIT_ENTRY_ONLY}, or the caller's if there is one. */
    private TransactionTemplate entryOnly() {
        TransactionTemplate template = new TransactionTemplate(transactions.getObject());
        template.setName(RecordChanges.AUDIT_ENTRY_ONLY);
        return template;
    }

    /**
     * An entry about something read, not changed (who read which member or list, Decree 13/2023): in a transaction
     * of its own named {@link RecordChanges#AUDIT_ENTRY_ONLY}, or in the caller's if there is one (which then names what it changes).
     * Reading member lists all day must not make every dashboard read afresh, as any other writing transaction does.
     */
    public void recordRead(Staff actor, String action, String entityType, Long entityId, String orgUnitPath,
            Object details) {
        entryOnly().executeWithoutResult(status -> record(actor, action, entityType, entityId, orgUnitPath, null, details));
    }

    /**
     * @param orgUnitPath path of the node the changed record belongs to
     * @param before      the record's state before (null when created), serialised as JSON
     * @param after       its state after (null when nothing remains to show)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Staff actor, String action, String entityType, Long entityId, String orgUnitPath,
            Object before, Object after) {
        jdbc.sql("""
                INSERT INTO audit_log (actor_id, actor_username, action, entity_type, entity_id, org_unit_path,
                                       before_state, after_state)
                VALUES (:actorId, :actor, :action, :entityType, :entityId, :path, CAST(:before AS jsonb), CAST(:after AS jsonb))
                """)
                .param("actorId", actor == null || actor.isSystem() ? null : actor.userId())
                .param("actor", actor == null ? "system" : actor.username())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("path", orgUnitPath)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    /**
     * An entry about signing in or out (issue 16), written in a transaction of its own by the login's handlers:
     * the actor may be no account at all (a failed guess at a username that does not exist).
     */
    public void recordSignIn(Long actorId, String actorUsername, String action, String orgUnitPath,
            Object details) {
        entryOnly().executeWithoutResult(status -> signIn(actorId, actorUsername, action, orgUnitPath, details));
    }

    private void signIn(Long actorId, String actorUsername, String action, String orgUnitPath, Object details) {
        String name = actorUsername == null ? "" : actorUsername.strip();
        jdbc.sql("""
                INSERT INTO audit_log (actor_id, actor_username, action, entity_type, entity_id, org_unit_path, after_state)
                VALUES (:actorId, :actor, :action, 'SIGN_IN', :actorId, :path, CAST(:after AS jsonb))
                """)
                .param("actorId", actorId)
                .param("actor", name.length() > 50 ? name.substring(0, 50) : name)
                .param("action", action)
                .param("path", orgUnitPath)
                .param("after", details == null ? null : json.writeValueAsString(details))
                .update();
    }

    /**
     * A page of the entries about records inside the scope, newest first, paged by keyset (issue 18): the page after
     * an entry (or before it, {@code backwards}) is the next rows of audit_log_occurred_idx (or, with a type,
     * audit_log_type_occurred_idx, V56) from that entry's time and id, whatever the page, instead of an OFFSET that
     * reads and skips every newer entry. An entry id that is not in the scope (tampered with) gives the first page.
     */
    @Transactional(readOnly = true)
    public AuditPage page(Scope scope, String entityType, Long fromEntry, boolean backwards, int size) {
        String type = entityType == null || entityType.isBlank() ? null : entityType;
        OffsetDateTime at = fromEntry == null ? null : jdbc.sql("""
                SELECT occurred_at FROM audit_log WHERE id = :id AND org_unit_path LIKE :pattern
                """).param("id", fromEntry).param("pattern", scope.likePattern())
                .query(OffsetDateTime.class).optional().orElse(null);
        if (at != null && backwards) {
            List<AuditEntry> newer = entries(scope, type, "(occurred_at, id) > (:at, :from)", "ASC", at, fromEntry, size);
            if (newer.size() > size) {
                List<AuditEntry> shown = new java.util.ArrayList<>(newer.subList(0, size));
                java.util.Collections.reverse(shown);
                return new AuditPage(shown, true, true);
            }
            at = null; // less than a page newer: the first page
        }
        List<AuditEntry> entries = at == null ? entries(scope, type, "TRUE", "DESC", null, null, size)
                : entries(scope, type, "(occurred_at, id) < (:at, :from)", "DESC", at, fromEntry, size);
        boolean hasNext = entries.size() > size;
        return new AuditPage(hasNext ? entries.subList(0, size) : entries, at != null, hasNext);
    }

    private List<AuditEntry> entries(Scope scope, String type, String keyset, String direction, OffsetDateTime at,
            Long from, int size) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor_username, action, entity_type, entity_id,
                       before_state::text AS before_state, after_state::text AS after_state
                FROM audit_log
                WHERE org_unit_path LIKE :pattern AND %s AND %s
                ORDER BY occurred_at %s, id %s
                LIMIT :limit
                """.formatted(type == null ? "TRUE" : "entity_type = :type", keyset, direction, direction))
                .param("pattern", scope.likePattern())
                .param("type", type)
                .param("at", at)
                .param("from", from)
                .param("limit", size + 1)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor_username"), rs.getString("action"), rs.getString("entity_type"),
                        (Long) rs.getObject("entity_id"), rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }

    public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
            Long entityId, String before, String after) {
    }

    public record AuditPage(List<AuditEntry> entries, boolean hasPrevious, boolean hasNext) {

        /** The entry the "previous page" link carries (the newest shown). */
        public long firstId() {
            return entries.get(0).id();
        }

        /** The entry the "next page" link carries (the oldest shown). */
        public long lastId() {
            return entries.get(entries.size() - 1).id();
        }
    }
}
