package vn.khuyenhoc.member;

/** A member's gender as recorded on Vietnamese forms (Nam / Nữ). */
public enum Gender {
    MALE, FEMALE
}
