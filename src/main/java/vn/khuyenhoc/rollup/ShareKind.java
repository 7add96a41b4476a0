package vn.khuyenhoc.rollup;

import java.util.function.Function;

import vn.khuyenhoc.registration.TitleKind;

/**
 * The six shares the movement is judged by (DESIGN.md §8; Decisions 387/QĐ-TTg and 677/QĐ-TTg of 2022): each a
 * count of learning titles over a denominator, each with a target. Learning citizens are measured twice: those
 * registered by chapters (villages and residential groups) against the adults, those registered by
 * education-promotion boards (agencies, schools, enterprises) against the staff of those organisations.
 */
public enum ShareKind {

    FAMILY("households", "family", TitleKind.FAMILY),
    CLAN("clans", "clan", TitleKind.CLAN),
    COMMUNITY("villages", "community", TitleKind.COMMUNITY),
    UNIT("organisations", "unit", TitleKind.UNIT),
    CITIZEN_ADULTS("adults", "citizen_adults", TitleKind.CITIZEN),
    CITIZEN_STAFF("staff", "citizen_staff", TitleKind.CITIZEN);

    private final String denominator;
    private final String targetColumn;
    private final TitleKind title;

    ShareKind(String denominator, String targetColumn, TitleKind title) {
        this.denominator = denominator;
        this.targetColumn = targetColumn;
        this.title = title;
    }

    /** The denominator's key: its column in node_denominator, its form field and its message key's tail. */
    public String denominatorKey() {
        return denominator;
    }

    /** The target's column in node_target (a fixed SQL fragment). */
    String targetColumn() {
        return targetColumn;
    }

    /** The key used in forms, URLs and messages: family, clan, community, unit, citizenAdults, citizenStaff. */
    public String key() {
        return switch (this) {
            case CITIZEN_ADULTS -> "citizenAdults";
            case CITIZEN_STAFF -> "citizenStaff";
            default -> name().toLowerCase();
        };
    }

    public TitleKind title() {
        return title;
    }

    /** The titles counted over the denominator: registered (all but withdrawn) or recognised. */
    public long count(Figures figures, boolean recognised) {
        Figures.TitleCount all = figures.title(title);
        Shares shares = figures.shares();
        return switch (this) {
            case CITIZEN_ADULTS -> recognised ? all.recognised() - shares.boardCitizensRecognised()
                    : all.registered() - shares.boardCitizensRegistered();
            case CITIZEN_STAFF -> recognised ? shares.boardCitizensRecognised() : shares.boardCitizensRegistered();
            default -> recognised ? all.recognised() : all.registered();
        };
    }

    /** The denominator shown for these figures, or null when unknown (or only partly known). */
    public Long denominator(Figures figures) {
        Shares.Denominator d = figures.shares().denominators().get(this);
        return d == null ? null : d.value();
    }

    /** The share, 0..1 (more when more titles than the denominator), or null without a known, non-zero denominator. */
    public Double share(Figures figures, boolean recognised) {
        Long d = denominator(figures);
        return d == null || d == 0 ? null : (double) count(figures, recognised) / d;
    }

    /** The effective target as a fraction 0..1, or null when no node of the lineage has one. */
    public Double target(Figures figures) {
        Shares.Target t = figures.shares().targets().get(this);
        return t == null ? null : t.percent().doubleValue() / 100;
    }

    /** The recognised share minus the target (a fraction; negative when short of it), or null. */
    public Double gap(Figures figures) {
        Double share = share(figures, true);
        Double target = target(figures);
        return share == null || target == null ? null : share - target;
    }

    /** Whether the recognised share reaches the target; null when either is unknown. */
    public Boolean met(Figures figures) {
        Double gap = gap(figures);
        return gap == null ? null : gap >= -1e-9;
    }

    static Function<Figures, Number> registeredShare(ShareKind kind) {
        return f -> kind.share(f, false);
    }
}
