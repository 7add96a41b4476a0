package vn.khuyenhoc.registration;

/**
 * Where a registration stands. REGISTERED until the commune's year-end evaluation makes it RECOGNISED (with a
 * decision) or NOT_RECOGNISED; re-evaluation may switch between those two. A REGISTERED one may be WITHDRAWN by
 * whoever registered it: the row stays (history, audit) but no longer counts.
 */
public enum RegistrationStatus {

    REGISTERED, RECOGNISED, NOT_RECOGNISED, WITHDRAWN;

    /** Whether this is an outcome of the year-end evaluation. */
    public boolean isResult() {
        return this == RECOGNISED || this == NOT_RECOGNISED;
    }

    /** The statuses that count as "registered" in the figures: all but WITHDRAWN. */
    public boolean counts() {
        return this != WITHDRAWN;
    }
}
