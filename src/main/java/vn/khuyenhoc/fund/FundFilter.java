package vn.khuyenhoc.fund;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The fund page's query: a year and, within it, optional direction, category and date range, and a page. */
public record FundFilter(
        Integer year,
        FundDirection direction,
        FundCategory category,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = "d/M/yyyy") LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = "d/M/yyyy") LocalDate to,
        Integer page) {

    public int pageOrFirst() {
        return page == null || page < 0 ? 0 : page;
    }

    /** True when something beyond the year narrows the list. */
    public boolean narrows() {
        return direction != null || category != null || from != null || to != null;
    }
}
