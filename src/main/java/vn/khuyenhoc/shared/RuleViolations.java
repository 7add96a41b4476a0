package vn.khuyenhoc.shared;

import org.springframework.validation.BindingResult;

/** The web edge's one adapter from a service's refusal to the form's field messages. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** Adds each violation to the form's errors: beside its field, or as a global error when it has none. */
    public static void reject(BindingResult errors, RuleViolationException refusal) {
        for (RuleViolationException.Violation v : refusal.violations()) {
            if (v.field() == null) {
                errors.reject(v.code(), v.args(), null);
            }
            else {
                errors.rejectValue(v.field(), v.code(), v.args(), null);
            }
        }
    }
}
