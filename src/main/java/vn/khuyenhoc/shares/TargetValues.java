package vn.khuyenhoc.shares;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.khuyenhoc.rollup.ShareKind;

/** A node's own targets for a year, in percent (0–100), each null when not set; and what they rest on. */
public record TargetValues(Map<ShareKind, BigDecimal> percents, String source) {

    public BigDecimal get(ShareKind kind) {
        return percents.get(kind);
    }

    static TargetValues of(Map<ShareKind, BigDecimal> percents, String source) {
        Map<ShareKind, BigDecimal> copy = new EnumMap<>(ShareKind.class);
        percents.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return new TargetValues(copy, source == null || source.isBlank() ? null : source.strip());
    }

    Map<String, Object> audit(int year) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", year);
        for (ShareKind kind : ShareKind.values()) {
            state.put(kind.key(), get(kind) == null ? "" : get(kind).toPlainString());
        }
        state.put("source", source == null ? "" : source);
        return state;
    }
}
