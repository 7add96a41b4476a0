package vn.khuyenhoc.centre;

import java.time.LocalDate;

/**
 * A centre's entry in the register, as the service takes it (the form's typed command).
 *
 * @param operating whether it operates (then it has no closing date) or has closed (then it has one)
 * @param closedOn  the day it closed, null while it operates
 */
public record CentreData(String name, String address, String decisionNumber, LocalDate decisionDate, String director,
        boolean operating, LocalDate closedOn) {
}
