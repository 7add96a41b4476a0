package vn.khuyenhoc.shared;

/**
 * The signed-in user as every service sees it: who they are (for the audit log), their role and their scope.
 * Resolved once at the web edge from the security principal and passed in; the domain never reads a static
 * security holder.
 */
public record Staff(long userId, String username, Role role, Scope scope) {

    /** The application itself acting at the top of the tree: demo data, the first administrator. */
    public static Staff system(Scope centralScope) {
        return new Staff(0, "system", Role.NATIONAL, centralScope);
    }

    public boolean isSystem() {
        return userId == 0;
    }
}
