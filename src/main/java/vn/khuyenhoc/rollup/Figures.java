package vn.khuyenhoc.rollup;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import vn.khuyenhoc.registration.TitleKind;

/**
 * The figures of one node (or group of provinces) for one period (a year, a half-year or a span of years, see
 * {@link Period}), as DESIGN.md section 4 lists them. Stocks (units, members, Party members, fund balance) are at
 * the period's end; the rest are flows of the period, as the dashboards and the export show them. Shares and
 * per-capita figures are null when the population is unknown (shown as "—"), never a division by zero.
 *
 * @param population the population, null when unknown
 * @param titles     registered and recognised by kind
 * @param reached    people reached by disbursements, by category
* @param money      amounts and people reached by fund category (issue 13)
 * @param centres    the community learning centres' figures (issue 15)
 * @param shares     what the shares are computed from: denominators, targets, ethnic-minority members (issue 11)
 * @param commendations collectives and individuals commended in the period (issue 14)
 */
public record Figures(Long population, long communesWithAssociation, long chapters, long boards, long members,
        long newMembers, long partyMembers, Map<TitleKind, TitleCount> titles, long raised, long disbursed,
        long balance, Map<String, Long> reached, Money money, CentreFigures centres, Shares shares,
        Commendations commendations) {

    /** The figures without money by kind, centres, shares and commendations (as they were before issues 11–15). */
    public Figures(Long population, long communesWithAssociation, long chapters, long boards, long members,
            long newMembers, long partyMembers, Map<TitleKind, TitleCount> titles, long raised, long disbursed,
            long balance, Map<String, Long> reached) {
        this(population, communesWithAssociation, chapters, boards, members, newMembers, partyMembers, titles, raised,
                disbursed, balance, reached, Money.empty(), CentreFigures.ZERO, Shares.EMPTY, Commendations.ZERO);
    }

    /** Commendations of the emulation movement (Decision 1315/QĐ-TTg) in the period. */
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
                Money.empty(), CentreFigures.ZERO, Shares.EMPTY, Commendations.ZERO);
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
                balance + other.balance, sumReached, money.plus(other.money), centres.plus(other.centres),
                shares.plus(other.shares), commendations.plus(other.commendations));
    }

    /** The figures with the structure counts and population replaced (they do not add up along the tree). */
    Figures withStructure(Long population, long communesWithAssociation, long chapters, long boards) {
        return new Figures(population, communesWithAssociation, chapters, boards, members, newMembers, partyMembers,
                titles, raised, disbursed, balance, reached, money, centres, shares, commendations);
    }

    /** The figures with what the shares are computed from replaced. */
    Figures withShares(Shares shares) {
        return new Figures(population, communesWithAssociation, chapters, boards, members, newMembers, partyMembers,
                titles, raised, disbursed, balance, reached, money, centres, shares, commendations);
    }

    /** Ethnic-minority members as a share of members, or null without members. */
    public Double minorityShare() {
        return members == 0 ? null : (double) shares.minorityMembers() / members;
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
                balance - other.balance, diffReached, money.minus(other.money), centres.minus(other.centres),
                shares.minus(other.shares), commendations.minus(other.commendations));
    }
}
