package vn.khuyenhoc.registration;

/** What a learning unit (đơn vị học tập) is. */
public enum UnitType {
    AGENCY, SCHOOL, ENTERPRISE, ARMY, OTHER
}
