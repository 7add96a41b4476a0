package vn.khuyenhoc.rollup;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the shares of one node and year are computed from, beyond the title counts of {@link Figures}: the
 * ethnic-minority members (a stock, like members), the learning citizens registered by boards, and the node's
 * denominators and targets as they apply to it (its own, else the complete sum of its children's / its nearest
 * ancestor's). Hangs off {@link Figures#shares()}.
 *
 * @param minorityMembers          members of an ethnicity other than Kinh, active at year end
 * @param boardCitizensRegistered  learning citizens of the year registered by education-promotion boards
 * @param boardCitizensRecognised  those of them recognised
 * @param denominators             by share: the value shown and where it comes from (absent for grassroots units)
 * @param targets                  by share: the effective target and where it comes from (absent when none)
 */
public record Shares(long minorityMembers, long boardCitizensRegistered, long boardCitizensRecognised,
        Map<ShareKind, Denominator> denominators, Map<ShareKind, Target> targets) {

    static final Shares EMPTY = new Shares(0, 0, 0, Map.of(), Map.of());

    /** Where a denominator comes from. */
    public enum Source {
        /** entered by the node's own staff */
        OWN,
        /** the sum of its children's, every active child having one */
        CHILDREN,
        /** not entered, and only some children have one: no share is computed */
        INCOMPLETE
    }

    /**
     * A node's denominator for one share.
     *
     * @param value         the value shown, null when incomplete
     * @param childrenKnown how many of its active children have one (for "32 of 54 communes")
     * @param children      how many active children it has
     */
    public record Denominator(Long value, Source source, int childrenKnown, int children) {
    }

    /**
     * An effective target.
     *
     * @param percent     0–100
     * @param sourceLevel the level of the node that set it (0 the country, 1 a province, 2 a commune)
     * @param sourceYear  the year it was set for (earlier than the year shown when the country's is carried over)
     * @param sourceNote  what it rests on, as entered (the decisions for the shipped national targets), or null
     */
    public record Target(BigDecimal percent, int sourceLevel, int sourceYear, String sourceNote, boolean own) {
    }

    /** Counts add; denominators and targets are the left side's (a total takes its own, read for it). */
    Shares plus(Shares other) {
        return new Shares(minorityMembers + other.minorityMembers, boardCitizensRegistered + other.boardCitizensRegistered,
                boardCitizensRecognised + other.boardCitizensRecognised, denominators, targets);
    }

    /** Counts subtract; a difference has no denominators or targets of its own. */
    Shares minus(Shares other) {
        return new Shares(minorityMembers - other.minorityMembers, boardCitizensRegistered - other.boardCitizensRegistered,
                boardCitizensRecognised - other.boardCitizensRecognised, Map.of(), Map.of());
    }

    Shares withCounts(long minority, long boardRegistered, long boardRecognised) {
        return new Shares(minority, boardRegistered, boardRecognised, denominators, targets);
    }

    Shares with(Map<ShareKind, Denominator> denominators, Map<ShareKind, Target> targets) {
        return new Shares(minorityMembers, boardCitizensRegistered, boardCitizensRecognised,
                denominators.isEmpty() ? Map.of() : new EnumMap<>(denominators),
                targets.isEmpty() ? Map.of() : new EnumMap<>(targets));
    }
}
