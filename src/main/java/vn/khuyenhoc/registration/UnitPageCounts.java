package vn.khuyenhoc.registration;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageSection;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The learning-title counts box of a unit's page ({@code orgunit/show.html}), rendered by the fragment
 * {@code registration/fragments :: unitSection}: the unit page collects it as a {@link UnitPageSection}, so that
 * the page's controller need not know this feature. Communes and grassroots units get their counts; a province or
 * the country, whose figures are on the dashboard, gets the titles box of what it registers and recognises itself
 * (issue 14).
 */
@Component
class UnitPageCounts implements UnitPageSection {

    private final RegistrationService registrations;
    private final Clock clock;

    UnitPageCounts(RegistrationService registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    /**
     * The counts of the year asked for (none above the commune), this year (Viet Nam's), which bounds the link to
     * the next year, and whether the user is the node's own staff (who evaluate what it recognises).
     */
    record Section(TitleCounts counts, int thisYear, boolean ownNode) {
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Place place() {
        return Place.BODY;
    }

    @Override
    public String fragment() {
        return "registration/fragments :: unitSection";
    }

    /** The counts of the year in the page's {@code ?year=} parameter (this year when absent or nonsensical). */
    @Override
    public Section model(Staff staff, OrgUnitView unit, Integer year) {
        boolean ownNode = staff.scope().nodeId() == unit.id();
        if (unit.level() < 2) {
            return new Section(null, VietnamTime.thisYear(clock), ownNode);
        }
        return new Section(registrations.counts(staff.scope(), unit.id(),
                RegistrationController.yearOrCurrent(year, clock)), VietnamTime.thisYear(clock), ownNode);
    }
}
