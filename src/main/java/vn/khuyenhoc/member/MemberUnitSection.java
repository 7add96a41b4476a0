package vn.khuyenhoc.member;

import org.springframework.stereotype.Component;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageSection;
import vn.khuyenhoc.shared.Staff;

/**
 * The members button among a unit's actions on its page ({@code member/fragments :: unitLink}), with the number of
 * active members of a grassroots unit: this feature's part of the unit page, collected by {@code orgunit}.
 */
@Component
class MemberUnitSection implements UnitPageSection {

    private final MemberService members;

    MemberUnitSection(MemberService members) {
        this.members = members;
    }

    /** @param activeCount the unit's active members; null above grassroots level (the link is to the subtree) */
    record Section(Long activeCount) {
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Place place() {
        return Place.ACTIONS;
    }

    @Override
    public String fragment() {
        return "member/fragments :: unitLink";
    }

    @Override
    public Section model(Staff staff, OrgUnitView unit, Integer year) {
        return new Section(unit.isGrassroots() ? members.activeCount(staff.scope(), unit.id()) : null);
    }
}
