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
    // issue 14: learning communes (recognised by provinces) and learning provinces (by the national board)
    COMMUNE_REGISTERED("communeRegistered", Format.COUNT, 2, f -> f.title(TitleKind.COMMUNE).registered()),
    COMMUNE_RECOGNISED("communeRecognised", Format.COUNT, 2, f -> f.title(TitleKind.COMMUNE).recognised()),
    PROVINCE_REGISTERED("provinceRegistered", Format.COUNT, 1, f -> f.title(TitleKind.PROVINCE).registered()),
    PROVINCE_RECOGNISED("provinceRecognised", Format.COUNT, 1, f -> f.title(TitleKind.PROVINCE).recognised()),
    // issue 14: commendations of the emulation movement (Decision 1315/QĐ-TTg)
    COMMENDED_COLLECTIVES("commendedCollectives", Format.COUNT, 3, f -> f.commendations().collectives()),
    COMMENDED_INDIVIDUALS("commendedIndividuals", Format.COUNT, 3, f -> f.commendations().individuals()),
    RAISED("raised", Format.MONEY, 3, f -> f.raised()),
    DISBURSED("disbursed", Format.MONEY, 3, f -> f.disbursed()),
    RAISED_PER_CAPITA("raisedPerCapita", Format.MONEY, 2, Figures::raisedPerCapita),
    BALANCE("balance", Format.MONEY, 3, f -> f.balance()),
    PEOPLE_REACHED("peopleReached", Format.COUNT, 3, f -> f.totalReached());

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
