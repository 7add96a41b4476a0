package vn.khuyenhoc.member;

/** Active, or gone since a date: left the association, or died. */
public enum MemberStatus {

    ACTIVE, LEFT, DECEASED;

    public boolean isDeparted() {
        return this != ACTIVE;
    }
}
