package vn.khuyenhoc.registration;

/**
 * What a list of registrations shows: one year, optionally one kind, one status and (in a commune's evaluation
 * list) one registering node; and which page.
 */
public record RegistrationFilter(int year, TitleKind kind, RegistrationStatus status, Long nodeId, int page) {

    public RegistrationFilter {
        page = Math.max(page, 0);
    }
}
