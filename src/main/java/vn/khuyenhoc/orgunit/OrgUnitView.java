package vn.khuyenhoc.orgunit;

/**
 * A node as the rest of the application sees it (never the entity).
 *
 * @param adminType the official type of a province or commune ({@code tinh}, {@code thanh_pho}, {@code xa},
 *                  {@code phuong}, {@code dac_khu}); null for the central node and grassroots units
 */
public record OrgUnitView(long id, Long parentId, int level, OrgUnitKind kind, String adminType, String code,
        String name, String nameEn, String path, Long provinceId, boolean active, long version) {

    static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.getId(), unit.getParentId(), unit.getLevel(), unit.getKind(), unit.getAdminType(),
                unit.getCode(), unit.getName(), unit.getNameEn(), unit.getPath(), unit.getProvinceId(),
                unit.isActive(), unit.getVersion());
    }

    public boolean isCommune() {
        return kind == OrgUnitKind.COMMUNE;
    }

    public boolean isGrassroots() {
        return kind.isGrassroots();
    }

    /** The message key of the display title: "Tỉnh {0}", "Phường {0}", or just the name. */
    public String titleKey() {
        return adminType == null ? "unit.title.plain" : "unit.title." + adminType;
    }
}
