package vn.khuyenhoc.fund;

import java.util.Arrays;

/**
 * The kinds of receipts and disbursements an education-promotion fund keeps apart (donations, contributions,
 * scholarships, awards, support, operations). Labels are the message keys
 * {@code fund.category.<NAME>}, which the dashboards and exports use too. The database refuses a category with the
 * wrong direction and a people count where the kind does not allow one ({@code fund_entry} checks).
 */
public enum FundCategory {

    INDIVIDUAL_DONATION(FundDirection.RECEIPT, Reach.NONE),
    BUSINESS_DONATION(FundDirection.RECEIPT, Reach.NONE),
    OVERSEAS_VIETNAMESE(FundDirection.RECEIPT, Reach.NONE),
    INTERNATIONAL_PARTNER(FundDirection.RECEIPT, Reach.NONE),
    MEMBER_CONTRIBUTION(FundDirection.RECEIPT, Reach.NONE),
    OTHER_RECEIPT(FundDirection.RECEIPT, Reach.NONE),

    SCHOLARSHIP_UNDERPRIVILEGED(FundDirection.DISBURSEMENT, Reach.REQUIRED),
    SCHOLARSHIP_DISABLED(FundDirection.DISBURSEMENT, Reach.REQUIRED),
    SCHOLARSHIP_GIFTED_DISADVANTAGED(FundDirection.DISBURSEMENT, Reach.REQUIRED),
    AWARD_STUDENTS(FundDirection.DISBURSEMENT, Reach.REQUIRED),
    AWARD_TEACHERS(FundDirection.DISBURSEMENT, Reach.REQUIRED),
    SUPPORT_TEACHERS_IN_DIFFICULTY(FundDirection.DISBURSEMENT, Reach.REQUIRED),
    COMMUNITY_LEARNING_CENTRE(FundDirection.DISBURSEMENT, Reach.OPTIONAL),
    OPERATIONS(FundDirection.DISBURSEMENT, Reach.NONE);

    /** Whether an entry of the kind says how many people it reached. */
    public enum Reach {
        REQUIRED, OPTIONAL, NONE
    }

    private final FundDirection direction;
    private final Reach reach;

    FundCategory(FundDirection direction, Reach reach) {
        this.direction = direction;
        this.reach = reach;
    }

    public FundDirection direction() {
        return direction;
    }

    public Reach reach() {
        return reach;
    }

    public String messageKey() {
        return "fund.category." + name();
    }

    static FundCategory[] of(FundDirection direction) {
        return Arrays.stream(values()).filter(c -> c.direction == direction).toArray(FundCategory[]::new);
    }
}
