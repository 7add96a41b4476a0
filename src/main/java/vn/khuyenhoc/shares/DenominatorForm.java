package vn.khuyenhoc.shares;

import jakarta.validation.constraints.Size;

import vn.khuyenhoc.rollup.ShareKind;

/**
 * A node's denominators for a year as typed (text, so that any input gets a message beside its field); blank means
 * not known. {@link #toCommand()} reads it or refuses with every bad field at once.
 */
public record DenominatorForm(@Size(max = 10, message = "{shares.year.range}") String year,
        @Size(max = 30, message = "{shares.number.invalid}") String households,
        @Size(max = 30, message = "{shares.number.invalid}") String clans,
        @Size(max = 30, message = "{shares.number.invalid}") String villages,
        @Size(max = 30, message = "{shares.number.invalid}") String organisations,
        @Size(max = 30, message = "{shares.number.invalid}") String staff,
        @Size(max = 30, message = "{shares.number.invalid}") String adults,
        Long version) {

    static DenominatorForm of(int year, DenominatorValues values, Long version) {
        return new DenominatorForm(String.valueOf(year), text(values.households()), text(values.clans()),
                text(values.villages()), text(values.organisations()), text(values.staff()), text(values.adults()), version);
    }

    private static String text(Long value) {
        return value == null ? "" : String.valueOf(value);
    }

    String field(ShareKind kind) {
        return switch (kind) {
            case FAMILY -> households;
            case CLAN -> clans;
            case COMMUNITY -> villages;
            case UNIT -> organisations;
            case CITIZEN_ADULTS -> adults;
            case CITIZEN_STAFF -> staff;
        };
    }

    /** The typed command, or every field's refusal at once. */
    DenominatorCommand toCommand() {
        YearAndShares<Long> read = YearAndShares.read(year, this::field, Numbers::count, ShareKind::denominatorKey,
                Numbers.MAX_COUNT);
        return new DenominatorCommand(read.year(), DenominatorValues.of(read.values()), version);
    }

    /** A year's denominators of one node, read. */
    record DenominatorCommand(int year, DenominatorValues values, Long version) {
    }
}
