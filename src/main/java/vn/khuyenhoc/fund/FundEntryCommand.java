package vn.khuyenhoc.fund;

import java.time.LocalDate;

/**
 * A new entry for the recording user's own fund.
 *
 * @param amount        whole VND, positive
 * @param counterparty  donor or beneficiary; may be empty for a receipt (an anonymous donation)
 * @param peopleReached for disbursements whose kind counts people, else null
 * @param centreId      the community learning centre a disbursement of that category supports, or null (issue 15)
 */
public record FundEntryCommand(FundDirection direction, FundCategory category, long amount, LocalDate entryDate,
        String counterparty, Integer peopleReached, String note, Long centreId) {

    /** An entry naming no learning centre. */
    public FundEntryCommand(FundDirection direction, FundCategory category, long amount, LocalDate entryDate,
            String counterparty, Integer peopleReached, String note) {
        this(direction, category, amount, entryDate, counterparty, peopleReached, note, null);
    }
}
