package vn.khuyenhoc.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.khuyenhoc.account.AccountService.StaffContact;

/**
 * One commune (or, on the national page, one province) on a reporting page: its report's state, deadline, day of
 * submission, the figures it kept, and whom to ring.
 */
public record CommuneReportRow(long id, String code, String name, String adminType, long provinceId,
        String provinceName, String provinceAdminType, ReportState state, LocalDate submittedOn, LocalDate deadline,
        String reason, long version, Map<String, Object> figures, List<StaffContact> contacts) {

    public Boolean onTime() {
        return state.submitted() ? !submittedOn.isAfter(deadline) : null;
    }

    public String titleKey() {
        return adminType == null ? "unit.title.plain" : "unit.title." + adminType;
    }

    public String provinceTitleKey() {
        return provinceAdminType == null ? "unit.title.plain" : "unit.title." + provinceAdminType;
    }

    CommuneReportRow withContacts(List<StaffContact> staff) {
        return new CommuneReportRow(id, code, name, adminType, provinceId, provinceName, provinceAdminType, state,
                submittedOn, deadline, reason, version, figures, staff);
    }
}
