package vn.khuyenhoc.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages that take an upload, and where an upload over the size limit is sent back to (with {@code ?tooLarge}) so
 * that the page says so beside its file field in the user's language: the member roster import, and a province's
 * denominators of its communes. Only these fixed patterns, built from the digits of the path: never an open redirect.
 */
final class UploadPages {

    private static final Pattern MEMBER_IMPORT = Pattern.compile("/units/(\\d+)/members/import");
    private static final Pattern DENOMINATORS = Pattern.compile("/units/(\\d+)/denominators/upload");

    private UploadPages() {
    }

    /** The page (path and query) an over-size upload to {@code path} goes back to, if it is an upload page. */
    static Optional<String> tooLargePage(String path) {
        Matcher members = MEMBER_IMPORT.matcher(path);
        if (members.matches()) {
            return Optional.of("/units/" + members.group(1) + "/members/import?tooLarge");
        }
        Matcher denominators = DENOMINATORS.matcher(path);
        if (denominators.matches()) {
            return Optional.of("/units/" + denominators.group(1) + "/denominators?tooLarge");
        }
        return Optional.empty();
    }
}
