package vn.khuyenhoc.shared;

import org.springframework.transaction.TransactionExecution;

/**
 * Which committed transactions changed the records pages show: the one question the dashboards' cache (which then
 * reads them afresh) and the replica routing (which then sends the user's reads to the primary until the replica has
 * the change) both ask after each commit.
 */
public final class RecordChanges {

    /**
     * The name of a transaction that writes only the audit entry of a read or a sign-in (Decree 13/2023 has every
     * member list opened audited, all day long): it changes no record anyone reads.
     */
    public static final String AUDIT_ENTRY_ONLY = "audit.entryOnly";

    private RecordChanges() {
    }

    /** Whether this committed transaction may have changed records: it wrote, and more than a read's audit entry. */
    public static boolean changedRecords(TransactionExecution transaction) {
        return !transaction.isReadOnly() && !AUDIT_ENTRY_ONLY.equals(transaction.getTransactionName());
    }
}
