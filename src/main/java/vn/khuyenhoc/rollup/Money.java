package vn.khuyenhoc.rollup;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import vn.khuyenhoc.fund.FundCategory;

/**
 * Money by kind over a period: for each fund category (receipts by source, disbursements by kind), the amount in
 * whole VND and the people reached, reversals included with their sign — what the ledgers of the subtree sum to.
 * Provinces report these ("awards to teachers and students totalling nearly 42 billion VND", "how much came from
 * businesses and overseas Vietnamese").
 */
public record Money(Map<FundCategory, Total> byCategory) {

    /** Scholarships of every kind, summed (one of the figures provinces report). */
    public static final Set<FundCategory> SCHOLARSHIPS = Set.of(FundCategory.SCHOLARSHIP_UNDERPRIVILEGED,
            FundCategory.SCHOLARSHIP_DISABLED, FundCategory.SCHOLARSHIP_GIFTED_DISADVANTAGED);

    /** Awards to students and teachers, summed. */
    public static final Set<FundCategory> AWARDS = Set.of(FundCategory.AWARD_STUDENTS, FundCategory.AWARD_TEACHERS);

    /** One category's amount and people reached. */
    public record Total(long amount, long people) {

        static final Total ZERO = new Total(0, 0);

        Total plus(Total other) {
            return new Total(amount + other.amount, people + other.people);
        }
    }

    public Money {
        byCategory = Collections.unmodifiableMap(byCategory.isEmpty() ? new EnumMap<>(FundCategory.class)
                : new EnumMap<>(byCategory));
    }

    static Money empty() {
        return new Money(Map.of());
    }

    public Total of(FundCategory category) {
        return byCategory.getOrDefault(category, Total.ZERO);
    }

    public long amount(FundCategory category) {
        return of(category).amount();
    }

    public long people(FundCategory category) {
        return of(category).people();
    }

    public long amount(Set<FundCategory> categories) {
        return categories.stream().mapToLong(this::amount).sum();
    }

    public long people(Set<FundCategory> categories) {
        return categories.stream().mapToLong(this::people).sum();
    }

    Money plus(Money other) {
        return combine(other, 1);
    }

    Money minus(Money other) {
        return combine(other, -1);
    }

    private Money combine(Money other, int sign) {
        Map<FundCategory, Total> sum = new EnumMap<>(FundCategory.class);
        for (FundCategory category : FundCategory.values()) {
            Total a = of(category);
            Total b = other.of(category);
            Total t = new Total(a.amount() + sign * b.amount(), a.people() + sign * b.people());
            if (!t.equals(Total.ZERO)) {
                sum.put(category, t);
            }
        }
        return new Money(sum);
    }
}
