package vn.khuyenhoc.rollup;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import vn.khuyenhoc.registration.TitleKind;

/**
 * The figures of one node (or group of provinces) for one year, as DESIGN.md section 4 lists them. Stocks
 * (members, Party members, fund balance) are at year end; the rest are flows of the year. Shares and per-capita
 * figures are null when the population is unknown (shown as "—"), never a division by zero.
 *
 * @param population the population, null when unknown
 * @param titles     registered and recognised by kind
 * @param reached    people reached by disbursements, by category
 * @param commendations collectives and individuals commended in the year (issue 14)
 */
public record Figures(Long population, long communesWithAssociation, long chapters, long boards, long members,
        long newMembers, long partyMembers, Map<TitleKind, TitleCount> titles, long raised, long disbursed,
        long balance, Map<String, Long> reached, Commendations commendations) {

    /** Commendations of the emulation movement (Decision 1315/QĐ-TTg) in the year. */
    public record Commendations(long collectives, long individuals) {

        static final Commendations ZERO = new Commendations(0, 0);

        Commendations plus(Commendations other) {
            return new Commendations(collectives + other.collectives, individuals + other.individuals);
        }

        Commendations minus(Commendations other) {
            return new Commendations(collectives - other.collectives, individuals - other.individuals);
        }
    }

    public record TitleCount(long registered, long recognised) {

        static final TitleCount ZERO = new TitleCount(0, 0);

        TitleCount plus(TitleCount other) {
            return new TitleCount(registered + other.registered, recognised + other.recognised);
        }
    }

    static Figures empty() {
        return new Figures(null, 0, 0, 0, 0, 0, 0, new EnumMap<>(TitleKind.class), 0, 0, 0, new TreeMap<>(),
                Commendations.ZERO);
    }

    public TitleCount title(TitleKind kind) {
        return titles.getOrDefault(kind, TitleCount.ZERO);
    }

    /** Members as a share of the population, 0..1, or null when the population is unknown. */
    public Double memberShare() {
        return population == null || population == 0 ? null : (double) members / population;
    }

    /** Party members as a share of members, or null without members. */
    public Double partyShare() {
        return members == 0 ? null : (double) partyMembers / members;
    }

    /** Funds raised in the year per inhabitant, in VND, or null when the population is unknown. */
    public Double raisedPerCapita() {
        return population == null || population == 0 ? null : (double) raised / population;
    }

    public long totalReached() {
        return reached.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The sum of two sets of figures; the population is known only when both are. */
    Figures plus(Figures other) {
        Map<TitleKind, TitleCount> sumTitles = new EnumMap<>(TitleKind.class);
        for (TitleKind kind : TitleKind.values()) {
            TitleCount sum = title(kind).plus(other.title(kind));
            if (!sum.equals(TitleCount.ZERO)) {
                sumTitles.put(kind, sum);
            }
        }
        Map<String, Long> sumReached = new TreeMap<>(reached);
        other.reached.forEach((category, people) -> sumReached.merge(category, people, Long::sum));
        return new Figures(population == null || other.population == null ? null : population + other.population,
                communesWithAssociation + other.communesWithAssociation, chapters + other.chapters,
                boards + other.boards, members + other.members, newMembers + other.newMembers,
                partyMembers + other.partyMembers, sumTitles, raised + other.raised, disbursed + other.disbursed,
                balance + other.balance, sumReached, commendations.plus(other.commendations));
    }

    /** The figures with the structure counts and population replaced (they do not add up along the tree). */
    Figures withStructure(Long population, long communesWithAssociation, long chapters, long boards) {
        return new Figures(population, communesWithAssociation, chapters, boards, members, newMembers, partyMembers,
                titles, raised, disbursed, balance, reached, commendations);
    }

    /** {@code this} minus {@code other}, for the records a node holds itself beyond those of its children. */
    Figures minus(Figures other) {
        Map<TitleKind, TitleCount> diff = new EnumMap<>(TitleKind.class);
        for (TitleKind kind : TitleKind.values()) {
            TitleCount a = title(kind);
            TitleCount b = other.title(kind);
            if (!a.equals(b)) {
                diff.put(kind, new TitleCount(a.registered - b.registered, a.recognised - b.recognised));
            }
        }
        Map<String, Long> diffReached = new TreeMap<>(reached);
        other.reached.forEach((category, people) -> diffReached.merge(category, -people, Long::sum));
        diffReached.values().removeIf(v -> v == 0);
        return new Figures(null, 0, 0, 0, members - other.members, newMembers - other.newMembers,
                partyMembers - other.partyMembers, diff, raised - other.raised, disbursed - other.disbursed,
                balance - other.balance, diffReached, commendations.minus(other.commendations));
    }
}
