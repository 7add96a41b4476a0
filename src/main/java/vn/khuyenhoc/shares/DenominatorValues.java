package vn.khuyenhoc.shares;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.khuyenhoc.rollup.ShareKind;

/** The six denominators of a node and year, each null when not entered. */
public record DenominatorValues(Long households, Long clans, Long villages, Long organisations, Long staff, Long adults) {

    static final DenominatorValues NONE = new DenominatorValues(null, null, null, null, null, null);

    public Long get(ShareKind kind) {
        return switch (kind) {
            case FAMILY -> households;
            case CLAN -> clans;
            case COMMUNITY -> villages;
            case UNIT -> organisations;
            case CITIZEN_ADULTS -> adults;
            case CITIZEN_STAFF -> staff;
        };
    }

    static DenominatorValues of(Map<ShareKind, Long> values) {
        return new DenominatorValues(values.get(ShareKind.FAMILY), values.get(ShareKind.CLAN),
                values.get(ShareKind.COMMUNITY), values.get(ShareKind.UNIT), values.get(ShareKind.CITIZEN_STAFF),
                values.get(ShareKind.CITIZEN_ADULTS));
    }

    /** These values, with those of {@code other} where it has one (an upload leaves blank cells unchanged). */
    DenominatorValues overriddenBy(DenominatorValues other) {
        Map<ShareKind, Long> merged = new EnumMap<>(ShareKind.class);
        for (ShareKind kind : ShareKind.values()) {
            merged.put(kind, other.get(kind) != null ? other.get(kind) : get(kind));
        }
        return of(merged);
    }

    boolean isEmpty() {
        return this.equals(NONE);
    }

    /** For the audit log: key -> value (blank when not entered). */
    Map<String, Object> audit(int year) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", year);
        for (ShareKind kind : ShareKind.values()) {
            state.put(kind.denominatorKey(), get(kind) == null ? "" : get(kind));
        }
        return state;
    }
}
