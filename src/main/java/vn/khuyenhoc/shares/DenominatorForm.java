package vn.khuyenhoc.shares;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.shared.RuleViolationException;

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
        RuleViolationException.Collector refusals = new RuleViolationException.Collector();
        int y = 0;
        try {
            y = Numbers.year(year);
        }
        catch (Numbers.BadNumber ex) {
            refusals.add("year", ex.code);
        }
        Map<ShareKind, Long> values = new EnumMap<>(ShareKind.class);
        for (ShareKind kind : ShareKind.values()) {
            try {
                values.put(kind, Numbers.count(field(kind)));
            }
            catch (Numbers.BadNumber ex) {
                refusals.add(kind.denominatorKey(), ex.code, Numbers.MAX_COUNT);
            }
        }
        refusals.throwIfAny();
        return new DenominatorCommand(y, DenominatorValues.of(values), version);
    }

    /** A year's denominators of one node, read. */
    record DenominatorCommand(int year, DenominatorValues values, Long version) {
    }
}
