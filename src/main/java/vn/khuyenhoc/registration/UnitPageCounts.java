package vn.khuyenhoc.registration;

import java.time.Year;

import org.springframework.stereotype.Component;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;

/**
 * The learning-title counts box of a unit's page ({@code orgunit/show.html}), called from the fragment
 * {@code registration/fragments :: unitCounts(unit)} so that the unit page's controller need not know this feature.
 * Shown for communes and grassroots units only: above them the dashboards' aggregates give the figures.
 */
@Component("registrationCounts")
class UnitPageCounts {

    private final RegistrationService registrations;

    UnitPageCounts(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** The counts of the year in the page's {@code ?year=} parameter (this year when absent or nonsensical). */
    public TitleCounts forPage(Staff staff, OrgUnitView unit, String yearParam) {
        if (unit.level() < 2) {
            return null;
        }
        Integer year = null;
        if (yearParam != null && yearParam.matches("\\d{4}")) {
            year = Integer.valueOf(yearParam);
        }
        return registrations.counts(staff.scope(), unit.id(), RegistrationController.yearOrCurrent(year));
    }

    public int currentYear() {
        return Year.now().getValue();
    }
}
