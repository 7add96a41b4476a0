package vn.khuyenhoc.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way a service refuses a command: the rules it breaks, each with the form field it concerns (null for the
 * form as a whole), a message code and its arguments. Nothing has been saved. At the web edge
 * {@link RuleViolations#reject} turns it into field messages of the form's {@code BindingResult}.
 */
public class RuleViolationException extends RuntimeException {

    /** One broken rule. */
    public record Violation(String field, String code, Object... args) {
    }

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public static RuleViolationException of(String field, String code, Object... args) {
        return new RuleViolationException(List.of(new Violation(field, code, args)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects violations and throws them together, so that a form shows every broken rule at once. */
    public static final class Collector {

        private final List<Violation> violations = new ArrayList<>();

        public Collector add(String field, String code, Object... args) {
            violations.add(new Violation(field, code, args));
            return this;
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
        }
    }
}
