package vn.khuyenhoc.fund;

import java.time.LocalDate;

/**
 * A new entry for the recording user's own fund.
 *
 * @param amount        whole VND, positive
 * @param counterparty  donor or beneficiary; may be empty for a receipt (an anonymous donation)
 * @param peopleReached for disbursements whose kind counts people, else null
 */
public record FundEntryCommand(FundDirection direction, FundCategory category, long amount, LocalDate entryDate,
        String counterparty, Integer peopleReached, String note) {
}
