package vn.khuyenhoc.account;

import vn.khuyenhoc.shared.Role;

/** An account in a list: never its password hash. */
public record AccountView(long id, String username, String fullName, Role role, long unitId, String unitName,
        String unitAdminType, boolean enabled) {

    public String unitTitleKey() {
        return unitAdminType == null ? "unit.title.plain" : "unit.title." + unitAdminType;
    }
}
