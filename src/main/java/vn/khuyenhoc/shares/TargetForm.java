package vn.khuyenhoc.shares;

import java.math.BigDecimal;

import jakarta.validation.constraints.Size;

import vn.khuyenhoc.rollup.ShareKind;

/** A node's own targets for a year as typed, in percent ("70", "72,5"); blank = not set (the ancestor's apply). */
public record TargetForm(@Size(max = 10, message = "{shares.year.range}") String year,
        @Size(max = 10, message = "{shares.percent.invalid}") String family,
        @Size(max = 10, message = "{shares.percent.invalid}") String clan,
        @Size(max = 10, message = "{shares.percent.invalid}") String community,
        @Size(max = 10, message = "{shares.percent.invalid}") String unit,
        @Size(max = 10, message = "{shares.percent.invalid}") String citizenAdults,
        @Size(max = 10, message = "{shares.percent.invalid}") String citizenStaff,
        @Size(max = 200, message = "{shares.target.source.size}") String source,
        Long version) {

    static TargetForm of(int year, TargetValues values, Long version) {
        return new TargetForm(String.valueOf(year), text(values, ShareKind.FAMILY), text(values, ShareKind.CLAN),
                text(values, ShareKind.COMMUNITY), text(values, ShareKind.UNIT), text(values, ShareKind.CITIZEN_ADULTS),
                text(values, ShareKind.CITIZEN_STAFF), values == null ? "" : values.source(), version);
    }

    private static String text(TargetValues values, ShareKind kind) {
        return values == null || values.get(kind) == null ? "" : values.get(kind).stripTrailingZeros().toPlainString();
    }

    String field(ShareKind kind) {
        return switch (kind) {
            case FAMILY -> family;
            case CLAN -> clan;
            case COMMUNITY -> community;
            case UNIT -> unit;
            case CITIZEN_ADULTS -> citizenAdults;
            case CITIZEN_STAFF -> citizenStaff;
        };
    }

    /** The typed command, or every field's refusal at once. */
    TargetCommand toCommand() {
        YearAndShares<BigDecimal> read = YearAndShares.read(year, this::field, Numbers::percent, ShareKind::key);
        return new TargetCommand(read.year(), TargetValues.of(read.values(), source), version);
    }

    record TargetCommand(int year, TargetValues values, Long version) {
    }
}
