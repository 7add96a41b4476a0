package vn.khuyenhoc.rollup;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import vn.khuyenhoc.registration.TitleKind;

/**
 * One column of the dashboards' tables, charts and exports: its key (used in URLs, {@code ?sort=members}), its
 * message key ({@code figure.<key>}), how to read it from {@link Figures}, and how to show it.
 */
public enum Figure {

    POPULATION("population", Format.COUNT, 2, f -> f.population()),
    COMMUNES_WITH_ASSOCIATION("communes", Format.COUNT, 1, f -> f.communesWithAssociation()),
    CHAPTERS("chapters", Format.COUNT, 2, f -> f.chapters()),
    BOARDS("boards", Format.COUNT, 2, f -> f.boards()),
    MEMBERS("members", Format.COUNT, 3, f -> f.members()),
    NEW_MEMBERS("newMembers", Format.COUNT, 3, f -> f.newMembers()),
    MEMBER_SHARE("memberShare", Format.PERCENT, 2, Figures::memberShare),
    PARTY_MEMBERS("partyMembers", Format.COUNT, 3, f -> f.partyMembers()),
    PARTY_SHARE("partyShare", Format.PERCENT, 3, Figures::partyShare),
    FAMILY_REGISTERED("familyRegistered", Format.COUNT, 3, f -> f.title(TitleKind.FAMILY).registered()),
    FAMILY_RECOGNISED("familyRecognised", Format.COUNT, 3, f -> f.title(TitleKind.FAMILY).recognised()),
    CLAN_REGISTERED("clanRegistered", Format.COUNT, 2, f -> f.title(TitleKind.CLAN).registered()),
    CLAN_RECOGNISED("clanRecognised", Format.COUNT, 2, f -> f.title(TitleKind.CLAN).recognised()),
    COMMUNITY_REGISTERED("communityRegistered", Format.COUNT, 3, f -> f.title(TitleKind.COMMUNITY).registered()),
    COMMUNITY_RECOGNISED("communityRecognised", Format.COUNT, 3, f -> f.title(TitleKind.COMMUNITY).recognised()),
    UNIT_REGISTERED("unitRegistered", Format.COUNT, 2, f -> f.title(TitleKind.UNIT).registered()),
    UNIT_RECOGNISED("unitRecognised", Format.COUNT, 2, f -> f.title(TitleKind.UNIT).recognised()),
    CITIZEN_REGISTERED("citizenRegistered", Format.COUNT, 3, f -> f.title(TitleKind.CITIZEN).registered()),
    CITIZEN_RECOGNISED("citizenRecognised", Format.COUNT, 3, f -> f.title(TitleKind.CITIZEN).recognised()),
    RAISED("raised", Format.MONEY, 3, f -> f.raised()),
    DISBURSED("disbursed", Format.MONEY, 3, f -> f.disbursed()),
    RAISED_PER_CAPITA("raisedPerCapita", Format.MONEY, 2, Figures::raisedPerCapita),
    BALANCE("balance", Format.MONEY, 3, f -> f.balance()),
    PEOPLE_REACHED("peopleReached", Format.COUNT, 3, f -> f.totalReached()),

    // ---- issue 11: denominators, shares beside their targets (ShareKind), ethnic-minority members. One block:
    // isShare() tells them apart; the dashboard shows them in their own table, the export in its columns.
    HOUSEHOLDS("households", Format.COUNT, 2, ShareKind.FAMILY::denominator),
    FAMILY_REGISTERED_SHARE("familyRegisteredShare", Format.PERCENT, 2, f -> ShareKind.FAMILY.share(f, false)),
    FAMILY_SHARE("familyShare", Format.PERCENT, 2, f -> ShareKind.FAMILY.share(f, true)),
    FAMILY_TARGET("familyTarget", Format.PERCENT, 2, ShareKind.FAMILY::target),
    FAMILY_GAP("familyGap", Format.PERCENT, 2, ShareKind.FAMILY::gap),
    CLANS("clans", Format.COUNT, 2, ShareKind.CLAN::denominator),
    CLAN_REGISTERED_SHARE("clanRegisteredShare", Format.PERCENT, 2, f -> ShareKind.CLAN.share(f, false)),
    CLAN_SHARE("clanShare", Format.PERCENT, 2, f -> ShareKind.CLAN.share(f, true)),
    CLAN_TARGET("clanTarget", Format.PERCENT, 2, ShareKind.CLAN::target),
    CLAN_GAP("clanGap", Format.PERCENT, 2, ShareKind.CLAN::gap),
    VILLAGES("villages", Format.COUNT, 2, ShareKind.COMMUNITY::denominator),
    COMMUNITY_REGISTERED_SHARE("communityRegisteredShare", Format.PERCENT, 2, f -> ShareKind.COMMUNITY.share(f, false)),
    COMMUNITY_SHARE("communityShare", Format.PERCENT, 2, f -> ShareKind.COMMUNITY.share(f, true)),
    COMMUNITY_TARGET("communityTarget", Format.PERCENT, 2, ShareKind.COMMUNITY::target),
    COMMUNITY_GAP("communityGap", Format.PERCENT, 2, ShareKind.COMMUNITY::gap),
    ORGANISATIONS("organisations", Format.COUNT, 2, ShareKind.UNIT::denominator),
    UNIT_REGISTERED_SHARE("unitRegisteredShare", Format.PERCENT, 2, f -> ShareKind.UNIT.share(f, false)),
    UNIT_SHARE("unitShare", Format.PERCENT, 2, f -> ShareKind.UNIT.share(f, true)),
    UNIT_TARGET("unitTarget", Format.PERCENT, 2, ShareKind.UNIT::target),
    UNIT_GAP("unitGap", Format.PERCENT, 2, ShareKind.UNIT::gap),
    ADULTS("adults", Format.COUNT, 2, ShareKind.CITIZEN_ADULTS::denominator),
    CITIZEN_ADULTS_REGISTERED_SHARE("citizenAdultsRegisteredShare", Format.PERCENT, 2, f -> ShareKind.CITIZEN_ADULTS.share(f, false)),
    CITIZEN_ADULTS_SHARE("citizenAdultsShare", Format.PERCENT, 2, f -> ShareKind.CITIZEN_ADULTS.share(f, true)),
    CITIZEN_ADULTS_TARGET("citizenAdultsTarget", Format.PERCENT, 2, ShareKind.CITIZEN_ADULTS::target),
    CITIZEN_ADULTS_GAP("citizenAdultsGap", Format.PERCENT, 2, ShareKind.CITIZEN_ADULTS::gap),
    STAFF("staff", Format.COUNT, 2, ShareKind.CITIZEN_STAFF::denominator),
    CITIZEN_STAFF_REGISTERED_SHARE("citizenStaffRegisteredShare", Format.PERCENT, 2, f -> ShareKind.CITIZEN_STAFF.share(f, false)),
    CITIZEN_STAFF_SHARE("citizenStaffShare", Format.PERCENT, 2, f -> ShareKind.CITIZEN_STAFF.share(f, true)),
    CITIZEN_STAFF_TARGET("citizenStaffTarget", Format.PERCENT, 2, ShareKind.CITIZEN_STAFF::target),
    CITIZEN_STAFF_GAP("citizenStaffGap", Format.PERCENT, 2, ShareKind.CITIZEN_STAFF::gap),
    MINORITY_MEMBERS("minorityMembers", Format.COUNT, 3, f -> f.shares().minorityMembers()),
    MINORITY_SHARE("minorityShare", Format.PERCENT, 3, Figures::minorityShare);

    /** How a figure is shown: a whole number, a percentage, or VND. */
    public enum Format {
        COUNT, PERCENT, MONEY
    }

    private final String key;
    private final Format format;
    private final int deepestLevel;
    private final Function<Figures, Number> value;

    Figure(String key, Format format, int deepestLevel, Function<Figures, Number> value) {
        this.key = key;
        this.format = format;
        this.deepestLevel = deepestLevel;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public Format format() {
        return format;
    }

    /** Whether this is a count of a learning title (shown in the dashboard's table of titles, not as a card). */
    public boolean isTitle() {
        return key.endsWith("Registered") || key.endsWith("Recognised");
    }

    /** Whether this is one of issue 11's figures (denominators, shares, targets, gaps, ethnic minorities). */
    public boolean isShare() {
        return compareTo(HOUSEHOLDS) >= 0 && compareTo(MINORITY_SHARE) <= 0;
    }

    /** The share kind of a share, target or gap figure (null for the others), for its target line and colour. */
    public ShareKind shareKind() {
        if (!isShare() || this == MINORITY_MEMBERS || this == MINORITY_SHARE) {
            return null;
        }
        return ShareKind.values()[(ordinal() - HOUSEHOLDS.ordinal()) / 5];
    }

    /** Whether this is the recognised share of a kind (the one its target is for). */
    public boolean isRecognisedShare() {
        return isShare() && shareKind() != null && key.equals(shareKind().key() + "Share");
    }

    /** The target of a recognised share (drawn as a line beside it on the chart), or null. */
    public Figure targetFigure() {
        return isRecognisedShare() ? values()[ordinal() + 1] : null;
    }

    /**
     * The children's table of shares: per share its registered and recognised share, target and gap, then the share of
     * ethnic-minority members; those that mean something for nodes of this level.
     */
    public static List<Figure> shareColumns(int level) {
        List<Figure> columns = new java.util.ArrayList<>();
        for (Figure f : values()) {
            if (f.isShare() && f.appliesTo(level) && f.format == Format.PERCENT) {
                columns.add(f);
            }
        }
        return columns;
    }

    public String messageKey() {
        return "figure." + key;
    }

    /** The value, or null when it cannot be known (a share without population). */
    public Number of(Figures figures) {
        return value.apply(figures);
    }

    /**
     * Whether the figure means something for nodes of this level: communes with an association are counted
     * above communes, chapters and boards above grassroots units, population and per-capita figures for provinces
     * and communes (and the country), clans and learning units from communes up.
     */
    public boolean appliesTo(int level) {
        return level <= deepestLevel;
    }

    public static List<Figure> forLevel(int level) {
        return Arrays.stream(values()).filter(f -> f.appliesTo(level)).toList();
    }

    public static Figure byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst().orElse(MEMBERS);
    }
}
