package vn.khuyenhoc.centre;

import java.time.LocalDate;

/**
 * A centre of the register as pages and other features see it.
 *
 * @param closedOn the day it closed, or null while it operates
 */
public record CentreView(long id, long communeId, String communeName, String communeAdminType, String communePath,
        String name, String address, String decisionNumber, LocalDate decisionDate, String director, LocalDate closedOn,
        long version) {

    public boolean operating() {
        return closedOn == null;
    }

    /** The message key of the commune's title ("Phường {0}"), as {@code OrgUnitView.titleKey()}. */
    public String communeTitleKey() {
        return communeAdminType == null ? "unit.title.plain" : "unit.title." + communeAdminType;
    }

    /** Whether the centre existed at some time in the year: set up by its end, not closed before it began. */
    public boolean existedIn(int year) {
        return decisionDate.getYear() <= year && (closedOn == null || closedOn.getYear() >= year);
    }
}
