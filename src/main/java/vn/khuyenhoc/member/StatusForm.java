package vn.khuyenhoc.member;

/** A change of status: to LEFT or DECEASED on a date, or back to ACTIVE when it was entered by mistake. */
record StatusForm(String status, String date, Long version) {
}
