package vn.khuyenhoc.registration;

/** The level whose decision recognised a title. Communes recognise today; the others are kept for later. */
public enum RecognisingLevel {
    COMMUNE, PROVINCE, NATIONAL
}
