package vn.khuyenhoc.fund;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user types to record an entry in their own node's fund. The amount stays text until it is read by
 * {@link VndAmount} ({@code 1.500.000}, {@code 1500000}, {@code 1 500 000}); the date comes from a date input
 * ({@code 2026-03-15}) or is typed {@code 15/03/2026}.
 */
public record FundEntryForm(
        @NotNull(message = "{fund.direction.required}") FundDirection direction,
        @NotNull(message = "{fund.category.required}") FundCategory category,
        @VndAmountText String amount,
        @NotNull(message = "{fund.entryDate.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = "d/M/yyyy") LocalDate entryDate,
        @Size(max = 200, message = "{fund.counterparty.size}") String counterparty,
        @Min(value = 1, message = "{fund.peopleReached.range}") @Max(value = 1_000_000, message = "{fund.peopleReached.range}")
        Integer peopleReached,
        @Size(max = 500, message = "{fund.note.size}") String note,
        Long centreId) {

    static FundEntryForm empty(FundDirection direction, LocalDate today) {
        return new FundEntryForm(direction, null, "", today, "", null, "", null);
    }

    /** The command for the service; only called once the form is valid, so the amount reads. */
    FundEntryCommand toCommand() {
        return new FundEntryCommand(direction, category, VndAmount.parse(amount).value(), entryDate, counterparty,
                peopleReached, note, centreId);
    }
}
