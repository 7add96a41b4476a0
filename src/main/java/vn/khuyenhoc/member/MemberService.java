package vn.khuyenhoc.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.ClosedYears;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.DatabaseRefusals;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * Members of the grassroots units: lists of a unit or of a whole subtree, one member's details, adding, editing and
 * changing status. Personal data (Decree 13/2023): every read and write resolves the member's unit through
 * {@link OrgUnitService#get(Scope, long)}, so a member outside the user's subtree answers 404 like a missing one.
 * Who writes: chapter secretaries in their own unit, commune staff in the units of their commune; province and
 * national staff read.
 */
@Service
@Transactional(readOnly = true)
public class MemberService {

    static final String AUDIT_TYPE = "MEMBER";
    static final int PAGE_SIZE = 50;
    /** Matches counted at most, in a commune or a unit (beyond it the page says "more than …"). */
    static final int COUNT_LIMIT = 10_000;
    /** The name as searched and indexed (member_name_trgm_idx): lower case, without diacritics. */
    static final String NAME_KEY = "lower(immutable_unaccent(m.full_name))";
    /**
     * The rosters' order: Vietnamese rosters go by given name (the last word), then the whole name, in Vietnamese
     * order; written exactly as the indexes of V55 are, so that the planner matches them.
     */
    static final String GIVEN_KEY = "(substring(m.full_name FROM '[^ ]+$') COLLATE vietnamese)";
    static final String FULL_KEY = "(m.full_name COLLATE vietnamese)";
    static final String SIMILARITY = "similarity(" + NAME_KEY + ", lower(immutable_unaccent(:q)))";

    private final MemberRepository members;
    private final OrgUnitService orgUnits;
    private final ClosedYears years;
    private final AuditService audit;
    private final JdbcClient jdbc;

    MemberService(MemberRepository members, OrgUnitService orgUnits, ClosedYears years, AuditService audit,
            JdbcClient jdbc) {
        this.members = members;
        this.orgUnits = orgUnits;
        this.years = years;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Whether this user may add members to this unit and change its members (a grassroots unit in scope). */
    public boolean canWrite(Staff staff, OrgUnitView unit) {
        return unit.isGrassroots() && (staff.role() == Role.CHAPTER || staff.role() == Role.COMMUNE)
                && staff.scope().contains(unit.path());
    }

    /**
     * Whether this user sees members' personal details (phone, address, ethnicity, Party membership, birth date) and
     * may filter by them: the member's chapter and commune only (Decree 13/2023). Above the commune, staff find a
     * member by card or name (transfers, duplicates) and read counts on the dashboards, never these details.
     */
    public static boolean seesPersonalData(Staff staff) {
        return staff.role() == Role.CHAPTER || staff.role() == Role.COMMUNE;
    }

    /** A member as this user may see them: their scope, and the personal details only for chapter and commune. */
    public MemberView get(Staff staff, long id) {
        MemberView member = get(staff.scope(), id);
        return seesPersonalData(staff) ? member : member.withoutPersonalData();
    }

    /** Audits a read of a member's page or of a member list (Decree 13/2023): who read what, not the data read. */
    @Transactional(propagation = Propagation.SUPPORTS) // not the class's read-only one: the entry is written in its own
    public void recordRead(Staff staff, String action, Long memberId, String nodePath, Map<String, Object> what) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(what);
        details.put("personalData", seesPersonalData(staff));
        audit.recordRead(staff, action, AUDIT_TYPE, memberId, nodePath, details);
    }

    /** A member inside the scope. @throws NotFoundException when missing or outside it */
    public MemberView get(Scope scope, long id) {
        Member member = members.findById(id).orElseThrow(NotFoundException::new);
        return member.view(orgUnits.get(scope, member.getUnitId()).name());
    }

    /** Active members of a grassroots unit in scope, for the unit's page. */
    public long activeCount(Scope scope, long unitId) {
        OrgUnitView unit = orgUnits.get(scope, unitId);
        return jdbc.sql("SELECT count(*) FROM member WHERE unit_id = :unit AND status = 'ACTIVE'")
                .param("unit", unit.id()).query(Long.class).single();
    }

    /**
     * A page of the members of a node's subtree (a unit's own, or a commune's, a province's, the country's), filtered
     * and sorted in SQL and paged by keyset: the page after (or before) a member of the list is the next rows in the
     * list's order from that member's own keys, read from an index that serves the order (V55) over a province or
     * the country, never an OFFSET that would sort and skip the whole subtree. The name search uses the trigram index
     * on the unaccented name, a card number the unique indexes, the subtree the node's own column (unit_id,
     * commune_id or province_id). Over a province or the country a name search goes by card number (see below);
     * ordering by relevance, which sorts every match, is kept for a commune or a unit.
     * The total: exact from the roll-ups when only the status is filtered (every member, or the active ones); in a
     * commune or unit counted up to a cap; over a province or the country otherwise "more than" the rows shown.
     */
    public MemberPage list(Scope scope, long nodeId, MemberFilter filter) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        String scopeWhere = switch (node.level()) {
            case 3 -> "m.unit_id = :node";
            case 2 -> "m.commune_id = :node";
            case 1 -> "m.province_id = :node";
            default -> "TRUE";
        };
        StringBuilder where = new StringBuilder(scopeWhere);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("node", node.id());
        if (filter.statusValue() != null) {
            where.append(" AND m.status = :status");
            params.put("status", filter.statusValue().name());
        }
        if (filter.partyValue() != null) {
            where.append(" AND m.party_member = :party");
            params.put("party", filter.partyValue());
        }
        if (filter.genderValue() != null) {
            where.append(" AND m.gender = :gender");
            params.put("gender", filter.genderValue().name());
        }
        if (filter.yearValue() != null) {
            where.append(" AND m.joined_on >= :from AND m.joined_on < :to");
            params.put("from", LocalDate.of(filter.yearValue(), 1, 1));
            params.put("to", LocalDate.of(filter.yearValue() + 1, 1, 1));
        }
        if (filter.cardNumber() != null) {
            where.append(" AND m.card_number = :card");
            params.put("card", filter.cardNumber());
        }
        else if (filter.cardSerial() != null) {
            where.append(" AND split_part(m.card_number, '-', 2) = :serial");
            params.put("serial", filter.cardSerial());
        }
        List<String> words = filter.nameWords();
        for (int i = 0; i < words.size(); i++) {
            // a word of the name starting with what was typed: "an" finds An and Anh, not Lan or Văn
            where.append(" AND ").append(NAME_KEY).append(" ~ ('(^| )' || lower(immutable_unaccent(:w").append(i)
                    .append(")))");
            params.put("w" + i, words.get(i));
        }
        // A name search in a commune reads the commune's members (about 10,000 at the full scale) and tests each name:
        // left to itself, the planner may take the trigram index over the whole country instead, whose postings for a
        // common name ("nguyen": a third of the country) cost far more than the commune (the subquery, with its OFFSET,
        // keeps the name's condition out of the scan). A unit is read by its own index either way; over a province or
        // the country the trigram index is what finds a rare name.
        String memberRows = node.level() == 2 && !words.isEmpty()
                ? "(SELECT * FROM member m WHERE " + scopeWhere + " OFFSET 0) m" : "member m";
        boolean wide = node.level() < 2;
        String sort = filter.sortValue();
        if (wide && !words.isEmpty() && (sort.equals("relevance") || sort.equals("name"))) {
            // A name search over a province or the country goes by card number: its matches are spread evenly along
            // that order, so the next 50 are found after about 50 / (share of matches) rows of the index. In name
            // order the matches of "nguyen van thanh" all sit at T, after most of the country (27 s at scale 0.1),
            // and by relevance every match would be sorted.
            sort = "card";
        }
        if (sort.equals("relevance")) {
            params.put("q", String.join(" ", words));
        }
        ListOrder order = ListOrder.of(sort, filter.descending());

        Long cursorId = filter.afterValue() != null ? filter.afterValue() : filter.beforeValue();
        List<Object> cursor = cursorId == null ? null : cursorKeys(scopeWhere, order, cursorId, params);
        boolean restarted = cursorId != null && cursor == null;
        List<MemberRow> rows = null;
        boolean hasPrevious = false;
        boolean hasNext = false;
        if (cursor != null && filter.beforeValue() != null) {
            List<MemberRow> before = fetch(memberRows, where, params, order, cursor, true);
            if (before.size() > PAGE_SIZE) {
                rows = new java.util.ArrayList<>(before.subList(0, PAGE_SIZE));
                java.util.Collections.reverse(rows);
                hasPrevious = true;
                hasNext = true;
            }
            else {
                cursor = null; // less than a page before that member: the start of the list
            }
        }
        if (rows == null) {
            List<MemberRow> found = fetch(memberRows, where, params, order, cursor, false);
            hasNext = found.size() > PAGE_SIZE;
            hasPrevious = cursor != null;
            rows = hasNext ? found.subList(0, PAGE_SIZE) : found;
        }

        long total;
        boolean capped = false;
        if (!hasPrevious && !hasNext) {
            total = rows.size(); // the whole list is on this page
        }
        else if (filter.onlyStatus() && (filter.statusValue() == null || filter.statusValue() == MemberStatus.ACTIVE)) {
            total = rolledUp(node, filter.statusValue() == MemberStatus.ACTIVE);
        }
        else if (wide) {
            // not counted over a province or the country: even capped, a count reads every match's trigram postings
            // (0.4 s for "an") or most of a province (0.5 s for its women); the page says "more than" what it shows
            total = rows.size();
            capped = true;
        }
        else {
            total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s LIMIT :cap) c".formatted(memberRows, where))
                    .params(params).param("cap", COUNT_LIMIT + 1).query(Long.class).single();
            capped = total > COUNT_LIMIT;
            total = Math.min(total, COUNT_LIMIT);
        }
        return new MemberPage(rows, sort, hasPrevious, hasNext, total, capped, restarted);
    }

    /**
     * The orders a member list offers, each a list of key expressions ending in a unique one, all ascending or all
     * descending (so that "after this member" is one row comparison an index can serve), except relevance.
     */
    private record ListOrder(String sort, List<String> keys, boolean ascending) {

        static ListOrder of(String sort, boolean descending) {
            return switch (sort) {
                case "card" -> new ListOrder(sort, List.of("m.card_number"), !descending);
                case "joined" -> new ListOrder(sort, List.of("m.joined_on", "m.id"), !descending);
                case "relevance" -> new ListOrder(sort, List.of(SIMILARITY, "m.id"), false);
                default -> new ListOrder(sort, List.of(GIVEN_KEY, FULL_KEY, "m.id"), !descending);
            };
        }

        /** The rows after the cursor's keys (or before them, backwards), in this order (or the reverse). */
        String keyset(boolean backwards) {
            if (sort.equals("relevance")) {
                // best match first, then by id: two directions, so written out
                return backwards ? "(%1$s > :c0 OR %1$s = :c0 AND m.id < :c1)".formatted(SIMILARITY)
                        : "(%1$s < :c0 OR %1$s = :c0 AND m.id > :c1)".formatted(SIMILARITY);
            }
            String op = ascending != backwards ? " > " : " < ";
            List<String> cursor = java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> ":c" + i).toList();
            return keys.size() == 1 ? keys.get(0) + op + cursor.get(0)
                    : "(" + String.join(", ", keys) + ")" + op + "(" + String.join(", ", cursor) + ")";
        }

        String orderBy(boolean backwards) {
            if (sort.equals("relevance")) {
                return backwards ? SIMILARITY + " ASC, m.id DESC" : SIMILARITY + " DESC, m.id ASC";
            }
            String direction = ascending != backwards ? " ASC" : " DESC";
            return String.join(direction + ", ", keys) + direction;
        }
    }

    private List<MemberRow> fetch(String memberRows, CharSequence where, Map<String, Object> params, ListOrder order,
            List<Object> cursor, boolean backwards) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        String keyset = "";
        if (cursor != null) {
            keyset = " AND " + order.keyset(backwards);
            for (int i = 0; i < cursor.size(); i++) {
                all.put("c" + i, cursor.get(i));
            }
        }
        return jdbc.sql("""
                SELECT m.id, m.card_number, m.full_name, m.gender, m.birth_year, m.party_member, m.joined_on, m.status,
                       m.status_changed_on, m.unit_id, u.name AS unit_name
                FROM %s JOIN org_unit u ON u.id = m.unit_id
                WHERE %s%s ORDER BY %s LIMIT :limit
                """.formatted(memberRows, where, keyset, order.orderBy(backwards)))
                .params(all).param("limit", PAGE_SIZE + 1)
                .query(MemberService::row).list();
    }

    /**
     * The keys of the member a page link starts from, when that member is in the list's subtree; otherwise none (the
     * link was tampered with, or the member is gone), and the list starts from the beginning: a member of another
     * subtree never serves as a position, which would tell where their name falls among these.
     */
    private List<Object> cursorKeys(String scopeWhere, ListOrder order, long id, Map<String, Object> params) {
        List<String> columns = new java.util.ArrayList<>();
        for (int i = 0; i < order.keys().size(); i++) {
            columns.add(order.keys().get(i) + " AS c" + i);
        }
        return jdbc.sql("SELECT " + String.join(", ", columns) + " FROM member m WHERE m.id = :cursor AND " + scopeWhere)
                .params(params).param("cursor", id)
                .query((rs, n) -> {
                    List<Object> keys = new java.util.ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        keys.add(rs.getObject(i));
                    }
                    return keys;
                })
                .optional().orElse(null);
    }

    /**
     * The members of a node's subtree from the roll-ups (rollup_members, kept by this feature's own triggers in the
     * same transaction, so exact): all of them (every member ever joined is counted in the year they joined), or the
     * active ones (less those who left or died). The country is the sum of its provinces
     * ({@link vn.khuyenhoc.orgunit.OrgUnitService#rollupNodes}).
     */
    private long rolledUp(OrgUnitView node, boolean activeOnly) {
        return jdbc.sql("""
                SELECT coalesce(sum(r.joined), 0) - CASE WHEN :active THEN coalesce(sum(r.departed), 0) ELSE 0 END
                FROM rollup_members r WHERE r.node_id = ANY(:nodes)
                """).param("active", activeOnly).param("nodes", orgUnits.rollupNodes(node))
                .query(Long.class).single();
    }

    private static MemberRow row(ResultSet rs, int n) throws SQLException {
        return new MemberRow(rs.getLong("id"), rs.getString("card_number"), rs.getString("full_name"),
                Gender.valueOf(rs.getString("gender")), rs.getInt("birth_year"), rs.getBoolean("party_member"),
                rs.getObject("joined_on", LocalDate.class), MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("status_changed_on", LocalDate.class), rs.getLong("unit_id"), rs.getString("unit_name"));
    }

    @Transactional
    public MemberView add(Staff staff, long unitId, MemberData data) {
        OrgUnitView unit = writableUnit(staff, unitId);
        requireActive(unit);
        years.requireOpen(data.joinedOn().getYear(), "joinedOn");
        long serial = jdbc.sql("SELECT nextval('member_card_seq')").query(Long.class).single();
        Member member = save(Member.create(unit.id(), CardNumbers.format(provinceCode(unit), serial), data), "joinedOn");
        MemberView view = member.view(unit.name());
        audit.record(staff, "CREATE", AUDIT_TYPE, view.id(), unit.path(), null, view.auditState());
        return view;
    }

    @Transactional
    public MemberView update(Staff staff, long id, MemberData data, long expectedVersion) {
        Member member = forUpdate(staff, id, expectedVersion);
        MemberView before = member.view(null);
        if (member.getStatusChangedOn() != null && data.joinedOn().isAfter(member.getStatusChangedOn())) {
            throw RuleViolationException.of("joinedOn", "member.joinedOn.afterStatus");
        }
        if (!data.joinedOn().equals(member.getJoinedOn())) {
            years.requireOpen(member.getJoinedOn().getYear(), "joinedOn");
            years.requireOpen(data.joinedOn().getYear(), "joinedOn");
        }
        if (data.partyMember() != member.isPartyMember()) {
            // the Party figures of the year joined (and of the year departed) change with the flag
            years.requireOpen(data.joinedOn().getYear(), "partyMember");
            if (member.getStatusChangedOn() != null) {
                years.requireOpen(member.getStatusChangedOn().getYear(), "partyMember");
            }
        }
        member.update(data);
        return saved(staff, "UPDATE", before, save(member, "joinedOn"));
    }

    /**
     * Marks a member as having left or died on a date, corrects that status, or restores an active status entered
     * by mistake. The date is checked by {@link MemberRules#statusDate} (not in the future, not before joining).
     */
    @Transactional
    public MemberView changeStatus(Staff staff, long id, MemberStatus status, LocalDate on, long expectedVersion) {
        Member member = forUpdate(staff, id, expectedVersion);
        if (status == member.getStatus() && (!status.isDeparted() || on.equals(member.getStatusChangedOn()))) {
            throw RuleViolationException.of("status", "member.status.unchanged");
        }
        if (status.isDeparted() && on.isBefore(member.getJoinedOn())) {
            throw RuleViolationException.of("date", "member.statusDate.beforeJoining");
        }
        MemberView before = member.view(null);
        if (member.getStatusChangedOn() != null) {
            years.requireOpen(member.getStatusChangedOn().getYear(), "date");
        }
        if (status.isDeparted()) {
            years.requireOpen(on.getYear(), "date");
        }
        member.changeStatus(status, on);
        return saved(staff, "STATUS", before, save(member, "date"));
    }

    private MemberView saved(Staff staff, String action, MemberView before, Member member) {
        OrgUnitView unit = orgUnits.get(staff.scope(), member.getUnitId());
        MemberView after = member.view(unit.name());
        List<Map<String, Object>> changes = MemberView.auditChanges(before, after);
        audit.record(staff, action, AUDIT_TYPE, after.id(), unit.path(), changes.get(0), changes.get(1));
        return after;
    }

    /** The member, for a change by this user, at the version they saw. */
    private Member forUpdate(Staff staff, long id, long expectedVersion) {
        Member member = members.findById(id).orElseThrow(NotFoundException::new);
        writableUnit(staff, member.getUnitId());
        if (member.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Member.class, id);
        }
        return member;
    }

    /** A grassroots unit in the user's scope that they may write in; province and national staff only read. */
    public OrgUnitView writableUnit(Staff staff, long unitId) {
        OrgUnitView unit = orgUnits.get(staff.scope(), unitId);
        if (!unit.isGrassroots()) {
            throw new NotFoundException();
        }
        if (!canWrite(staff, unit)) {
            throw new org.springframework.security.access.AccessDeniedException("Members are written by their unit or commune");
        }
        return unit;
    }

    /** New members go only into units that are active. */
    public static void requireActive(OrgUnitView unit) {
        if (!unit.active()) {
            throw RuleViolationException.of(null, "member.unit.inactive");
        }
    }

    /** The official 2-digit code of the unit's province, the prefix of its members' card numbers. */
    public String provinceCode(OrgUnitView unit) {
        return orgUnits.lineage(unit).stream().filter(n -> n.level() == 1).findFirst().orElseThrow().code();
    }

    /**
     * Saves and flushes; the database's own refusal of a write into a closed year (require_open_year), should one
     * slip past the checks above between their read and this write, becomes the same message on the date field.
     */
    private Member save(Member member, String dateField) {
        return DatabaseRefusals.translating(dateField, () -> members.saveAndFlush(member));
    }
}
