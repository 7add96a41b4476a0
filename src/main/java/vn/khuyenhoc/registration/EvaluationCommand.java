package vn.khuyenhoc.registration;

import java.time.LocalDate;

/**
 * A year-end decision: RECOGNISED with the decision's number and date, or NOT_RECOGNISED. Applied to one
 * registration seen at {@code version}, or to a selection (each of which carries its own version).
 */
public record EvaluationCommand(RegistrationStatus result, String decisionNumber, LocalDate decisionDate,
        Long version) {

    /** A decision on a selection, as the application itself makes it (demo, tests). */
    public static EvaluationCommand of(RegistrationStatus result, String decisionNumber, LocalDate decisionDate) {
        return new EvaluationCommand(result, decisionNumber, decisionDate, null);
    }
}
