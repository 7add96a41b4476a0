package vn.khuyenhoc.shared;

/**
 * The part of the tree a user may read and write: the subtree under their own node. Every query and
 * lookup of every feature goes through it; {@link #requireContains(String)} is the single check that
 * turns anything outside into a 404.
 *
 * @param nodeId the user's own node
 * @param path   its materialized path, {@code /1/22/6978/}, always with the trailing slash, so that a prefix
 *               test cannot confuse {@code /1/2/} with {@code /1/22/}
 * @param level  its level, 0 (central) to 3 (grassroots)
 */
public record Scope(long nodeId, String path, int level) {

    public Scope {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("A path starts and ends with '/': " + path);
        }
    }

    public boolean contains(String otherPath) {
        return otherPath != null && otherPath.startsWith(path);
    }

    /** @throws NotFoundException when the path lies outside the scope, exactly as if it did not exist */
    public void requireContains(String otherPath) {
        if (!contains(otherPath)) {
            throw new NotFoundException();
        }
    }

    /** The {@code LIKE} pattern of the subtree, for SQL: paths hold only digits and slashes. */
    public String likePattern() {
        return path + "%";
    }
}
