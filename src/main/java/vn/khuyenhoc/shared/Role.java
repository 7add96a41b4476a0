package vn.khuyenhoc.shared;

/** The role of a staff account; it always matches the level of the node the account is bound to. */
public enum Role {

    NATIONAL, PROVINCE, COMMUNE, CHAPTER;

    /** The tree level (0 central … 3 grassroots) whose staff have this role. */
    public int level() {
        return ordinal();
    }

    public static Role forLevel(int level) {
        return values()[level];
    }

    /** Accounts a holder of this role creates and manages: those one level below, inside their subtree. */
    public boolean managesAccounts() {
        return this != CHAPTER;
    }
}
