package vn.khuyenhoc.rollup;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.centre.CentreKind;
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
    PEOPLE_REACHED("peopleReached", Format.COUNT, 3, f -> f.totalReached()),

    // ---- issue 13: money by kind over the period (receipts by source, disbursements by kind, people reached) ----
    MONEY_INDIVIDUAL_DONATION("money.INDIVIDUAL_DONATION", Format.MONEY, 3, f -> f.money().amount(FundCategory.INDIVIDUAL_DONATION)),
    MONEY_BUSINESS_DONATION("money.BUSINESS_DONATION", Format.MONEY, 3, f -> f.money().amount(FundCategory.BUSINESS_DONATION)),
    MONEY_OVERSEAS_VIETNAMESE("money.OVERSEAS_VIETNAMESE", Format.MONEY, 3, f -> f.money().amount(FundCategory.OVERSEAS_VIETNAMESE)),
    MONEY_INTERNATIONAL_PARTNER("money.INTERNATIONAL_PARTNER", Format.MONEY, 3, f -> f.money().amount(FundCategory.INTERNATIONAL_PARTNER)),
    MONEY_MEMBER_CONTRIBUTION("money.MEMBER_CONTRIBUTION", Format.MONEY, 3, f -> f.money().amount(FundCategory.MEMBER_CONTRIBUTION)),
    MONEY_OTHER_RECEIPT("money.OTHER_RECEIPT", Format.MONEY, 3, f -> f.money().amount(FundCategory.OTHER_RECEIPT)),
    MONEY_SCHOLARSHIPS("money.scholarships", Format.MONEY, 3, f -> f.money().amount(Money.SCHOLARSHIPS)),
    MONEY_SCHOLARSHIP_UNDERPRIVILEGED("money.SCHOLARSHIP_UNDERPRIVILEGED", Format.MONEY, 3, f -> f.money().amount(FundCategory.SCHOLARSHIP_UNDERPRIVILEGED)),
    MONEY_SCHOLARSHIP_DISABLED("money.SCHOLARSHIP_DISABLED", Format.MONEY, 3, f -> f.money().amount(FundCategory.SCHOLARSHIP_DISABLED)),
    MONEY_SCHOLARSHIP_GIFTED_DISADVANTAGED("money.SCHOLARSHIP_GIFTED_DISADVANTAGED", Format.MONEY, 3, f -> f.money().amount(FundCategory.SCHOLARSHIP_GIFTED_DISADVANTAGED)),
    MONEY_AWARDS("money.awards", Format.MONEY, 3, f -> f.money().amount(Money.AWARDS)),
    MONEY_AWARD_STUDENTS("money.AWARD_STUDENTS", Format.MONEY, 3, f -> f.money().amount(FundCategory.AWARD_STUDENTS)),
    MONEY_AWARD_TEACHERS("money.AWARD_TEACHERS", Format.MONEY, 3, f -> f.money().amount(FundCategory.AWARD_TEACHERS)),
    MONEY_SUPPORT_TEACHERS_IN_DIFFICULTY("money.SUPPORT_TEACHERS_IN_DIFFICULTY", Format.MONEY, 3, f -> f.money().amount(FundCategory.SUPPORT_TEACHERS_IN_DIFFICULTY)),
    MONEY_COMMUNITY_LEARNING_CENTRE("money.COMMUNITY_LEARNING_CENTRE", Format.MONEY, 3, f -> f.money().amount(FundCategory.COMMUNITY_LEARNING_CENTRE)),
    MONEY_OPERATIONS("money.OPERATIONS", Format.MONEY, 3, f -> f.money().amount(FundCategory.OPERATIONS)),
    PEOPLE_SCHOLARSHIP_UNDERPRIVILEGED("people.SCHOLARSHIP_UNDERPRIVILEGED", Format.COUNT, 3, f -> f.money().people(FundCategory.SCHOLARSHIP_UNDERPRIVILEGED)),
    PEOPLE_SCHOLARSHIP_DISABLED("people.SCHOLARSHIP_DISABLED", Format.COUNT, 3, f -> f.money().people(FundCategory.SCHOLARSHIP_DISABLED)),
    PEOPLE_SCHOLARSHIP_GIFTED_DISADVANTAGED("people.SCHOLARSHIP_GIFTED_DISADVANTAGED", Format.COUNT, 3, f -> f.money().people(FundCategory.SCHOLARSHIP_GIFTED_DISADVANTAGED)),
    PEOPLE_AWARD_STUDENTS("people.AWARD_STUDENTS", Format.COUNT, 3, f -> f.money().people(FundCategory.AWARD_STUDENTS)),
    PEOPLE_AWARD_TEACHERS("people.AWARD_TEACHERS", Format.COUNT, 3, f -> f.money().people(FundCategory.AWARD_TEACHERS)),
    PEOPLE_SUPPORT_TEACHERS_IN_DIFFICULTY("people.SUPPORT_TEACHERS_IN_DIFFICULTY", Format.COUNT, 3, f -> f.money().people(FundCategory.SUPPORT_TEACHERS_IN_DIFFICULTY)),
    PEOPLE_COMMUNITY_LEARNING_CENTRE("people.COMMUNITY_LEARNING_CENTRE", Format.COUNT, 3, f -> f.money().people(FundCategory.COMMUNITY_LEARNING_CENTRE)),

    // ---- community learning centres (issue 15), from Figures.centres(): communes and above
    CENTRES("centres", Format.COUNT, 2, f -> f.centres().centres()),
    CENTRES_OPERATING("centresOperating", Format.COUNT, 2, f -> f.centres().operating()),
    CENTRE_CLASSES("centreClasses", Format.COUNT, 2, f -> f.centres().totalClasses()),
    CENTRE_CLASSES_LITERACY("centreClassesLiteracy", Format.COUNT, 2, f -> f.centres().classes(CentreKind.LITERACY)),
    CENTRE_CLASSES_VOCATIONAL("centreClassesVocational", Format.COUNT, 2, f -> f.centres().classes(CentreKind.VOCATIONAL)),
    CENTRE_CLASSES_LAW("centreClassesLaw", Format.COUNT, 2, f -> f.centres().classes(CentreKind.LAW)),
    CENTRE_CLASSES_DIGITAL("centreClassesDigital", Format.COUNT, 2, f -> f.centres().classes(CentreKind.DIGITAL)),
    CENTRE_CLASSES_LANGUAGES("centreClassesLanguages", Format.COUNT, 2, f -> f.centres().classes(CentreKind.LANGUAGES)),
    CENTRE_CLASSES_HEALTH("centreClassesHealth", Format.COUNT, 2, f -> f.centres().classes(CentreKind.HEALTH)),
    CENTRE_CLASSES_OTHER("centreClassesOther", Format.COUNT, 2, f -> f.centres().classes(CentreKind.OTHER)),
    CENTRE_TURNS("centreTurns", Format.COUNT, 2, f -> f.centres().totalTurns()),
    CENTRE_TURNS_LITERACY("centreTurnsLiteracy", Format.COUNT, 2, f -> f.centres().turns(CentreKind.LITERACY)),
    CENTRE_TURNS_VOCATIONAL("centreTurnsVocational", Format.COUNT, 2, f -> f.centres().turns(CentreKind.VOCATIONAL)),
    CENTRE_TURNS_LAW("centreTurnsLaw", Format.COUNT, 2, f -> f.centres().turns(CentreKind.LAW)),
    CENTRE_TURNS_DIGITAL("centreTurnsDigital", Format.COUNT, 2, f -> f.centres().turns(CentreKind.DIGITAL)),
    CENTRE_TURNS_LANGUAGES("centreTurnsLanguages", Format.COUNT, 2, f -> f.centres().turns(CentreKind.LANGUAGES)),
    CENTRE_TURNS_HEALTH("centreTurnsHealth", Format.COUNT, 2, f -> f.centres().turns(CentreKind.HEALTH)),
    CENTRE_TURNS_OTHER("centreTurnsOther", Format.COUNT, 2, f -> f.centres().turns(CentreKind.OTHER)),
    CENTRE_HUBS("centreHubs", Format.COUNT, 2, f -> f.centres().hubs()),
    CENTRE_CHAIR("centreChair", Format.COUNT, 2, f -> f.centres().chair()),
    STAFF_DIGITAL("staffDigital", Format.COUNT, 2, f -> f.centres().staffTrained()),
    STAFF_DIGITAL_SHARE("staffDigitalShare", Format.PERCENT, 2, f -> f.centres().staffTrainedShare()),
    CENTRE_SUPPORT("centreSupport", Format.MONEY, 2, f -> f.centres().support()),

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

    /** Whether this is an amount or people count of one fund category, or a subtotal of some (issue 13). */
    public boolean isMoneyByKind() {
        return key.startsWith("money.") || key.startsWith("people.");
    }

    /** The figures of money by kind, in the order they are shown. */
    public static List<Figure> moneyByKind() {
        return Arrays.stream(values()).filter(Figure::isMoneyByKind).toList();
    }

    /** Whether this is a learning centre's count of one kind of class (shown in the dashboard's table by kind). */
    public boolean isCentreKind() {
        return key.matches("centre(Classes|Turns)[A-Z].*");
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
