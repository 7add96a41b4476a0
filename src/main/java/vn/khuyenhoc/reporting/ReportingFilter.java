package vn.khuyenhoc.reporting;

/** What a reporting page is asked for: the year, a state to list, the sort of the list and its direction. */
public record ReportingFilter(String year, String state, String sort, String dir) {
}
