package vn.khuyenhoc.fund;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the ledger that an entry breaks (a category of the other direction, a date in the future, an
 * overdraft, a second reversal): each with the form field it concerns (null for the form as a whole), a message
 * code and its arguments. The controller shows them all and nothing is saved.
 */
public class FundRuleException extends RuntimeException {

    /** One broken rule. */
    public record Violation(String field, String code, Object... args) {
    }

    private final List<Violation> violations;

    FundRuleException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    static FundRuleException of(String field, String code, Object... args) {
        return new FundRuleException(List.of(new Violation(field, code, args)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects violations and throws them together. */
    static final class Collector {

        private final List<Violation> violations = new ArrayList<>();

        void add(String field, String code, Object... args) {
            violations.add(new Violation(field, code, args));
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new FundRuleException(violations);
            }
        }
    }
}
