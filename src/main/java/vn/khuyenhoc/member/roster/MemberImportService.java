package vn.khuyenhoc.member.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.ClosedYears;
import vn.khuyenhoc.member.CardNumbers;
import vn.khuyenhoc.member.Ethnicity;
import vn.khuyenhoc.member.Gender;
import vn.khuyenhoc.member.MemberData;
import vn.khuyenhoc.member.MemberInput;
import vn.khuyenhoc.member.MemberRules;
import vn.khuyenhoc.member.MemberService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;
import vn.khuyenhoc.shared.spreadsheet.SpreadsheetReader;
import vn.khuyenhoc.shared.spreadsheet.UploadSlots;

/**
 * Imports a unit's roster from XLSX or CSV, all or nothing. The file is streamed once, every row is checked in
 * memory by the same {@link MemberRules} as the form (plus: the same person twice in the file, a person already
 * active in the unit, a date joined in a closed year), and only a file without a single bad row is written: card
 * numbers drawn from the sequence in one query, the members in one set-based INSERT (which the roll-up trigger
 * counts once), and one audit entry for the whole import.
 */
@Service
@Transactional(readOnly = true)
public class MemberImportService {

    /** A roster larger than this is surely not one unit's (a big enterprise board has a few thousand members). */
    static final int MAX_ROWS = 20_000;
    /** The header row is looked for among the first rows (a title line or two above it is common). */
    static final int HEADER_SEARCH_ROWS = 10;
    /** The audit log's entity type of members ({@code MemberService}'s too): an import is a change of members. */
    private static final String AUDIT_TYPE = "MEMBER";
    private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");

    /** Rows of any kind (blank ones too) after which reading stops: a file of millions of empty rows is no roster. */
    static final int MAX_ROWS_READ = 2 * MAX_ROWS + HEADER_SEARCH_ROWS;
    /** Longer than any field of a member (an address has at most 255 characters). */
    static final int MAX_CELL_CHARS = 1_000;
    private static final SpreadsheetReader.Limits LIMITS = new SpreadsheetReader.Limits(MAX_CELL_CHARS, MAX_ROWS_READ);

    private final MemberService members;
    private final AuditService audit;
    private final JdbcClient jdbc;
    private final ClosedYears closedYears;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final UploadSlots slots;

    MemberImportService(MemberService members, AuditService audit, JdbcClient jdbc, ClosedYears closedYears,
            Clock clock, PlatformTransactionManager transactionManager, UploadSlots slots) {
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
        this.closedYears = closedYears;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.slots = slots;
    }

    /**
     * Reads and checks the file outside any transaction (a slow or hostile file holds no connection), with at most
     * {@code khuyenhoc.import.concurrent} uploads read at once in this instance ({@link UploadSlots}) (the next uploader is told to try again
     * shortly); then checks against the database and writes in one short transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportResult importRoster(Staff staff, long unitId, String originalFileName, InputStreamSource file,
            long size) {
        OrgUnitView unit = members.writableUnit(staff, unitId);
        String fileName = cleanFileName(originalFileName);
        try {
            MemberService.requireActive(unit);
        }
        catch (RuleViolationException ex) {
            return ImportResult.fileError(fileName, ex.violations().get(0).code());
        }
        var slot = slots.tryTake();
        if (slot.isEmpty()) {
            return ImportResult.fileError(fileName, "hardening.import.busy");
        }
        try (var taken = slot.get()) {
            Roster roster = new Roster();
            try {
                SpreadsheetReader.read(file, size, LIMITS, roster::accept);
            }
            catch (SpreadsheetReader.UnreadableFileException ex) {
                if (ex.problem() == SpreadsheetReader.Problem.TOO_MANY_ROWS) {
                    return ImportResult.fileError(fileName, "member.import.file.tooMany", String.valueOf(MAX_ROWS));
                }
                return ImportResult.fileError(fileName, messageCode(ex.problem()), ex.args());
            }
            catch (TooManyRows ex) {
                return ImportResult.fileError(fileName, "member.import.file.tooMany", String.valueOf(MAX_ROWS));
            }
            if (roster.columns == null) {
                return ImportResult.fileError(fileName, "member.import.file.noHeader", String.join(", ", RosterColumn.headers()));
            }
            List<String> missing = java.util.Arrays.stream(RosterColumn.values())
                    .filter(c -> c.required() && !roster.columns.containsValue(c)).map(RosterColumn::header).toList();
            if (!missing.isEmpty()) {
                return ImportResult.fileError(fileName, "member.import.file.missingColumns", String.join(", ", missing));
            }
            if (roster.dataRows == 0) {
                return ImportResult.fileError(fileName, "member.import.file.empty");
            }
            return transactions.execute(status -> {
                // one import at a time per unit: two uploads of the same file must not both pass the duplicate check
                jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:unit)").param("unit", unit.id()).query(Integer.class).single();
                roster.checkAgainstDatabase(unit);
                if (!roster.badRows.isEmpty()) {
                    return new ImportResult(fileName, 0, null, null, null, List.of(), roster.errors, roster.badRows.size());
                }
                return write(staff, unit, fileName, roster.valid);
            });
        }
    }

    /** This import's words for a file that cannot be read. */
    private static String messageCode(SpreadsheetReader.Problem problem) {
        return switch (problem) {
            case OLD_EXCEL -> "member.import.file.xls";
            case ENCODING -> "member.import.file.encoding";
            case ARCHIVE -> "hardening.import.archive";
            case CELL_TOO_LONG -> "hardening.import.cellTooLong";
            case TOO_MANY_ROWS -> "member.import.file.tooMany";
            case UNREADABLE -> "member.import.file.unreadable";
        };
    }

    /** Thrown from inside the reading to stop it: the file has more rows than any roster. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private void insert(OrgUnitView unit, String[] cards, String[] names, String[] genders, Integer[] birthYears,
            String[] birthDates, Integer[] ethnicities, Boolean[] parties, String[] phones, String[] addresses,
            String[] joined) {
        jdbc.sql("""
                INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, birth_date, ethnicity,
                                    party_member, phone, address, joined_on)
                SELECT :unit, t.card, t.name, t.gender, t.birth_year, t.birth_date, t.ethnicity, t.party, t.phone,
                       t.address, t.joined
                FROM unnest(CAST(:cards AS varchar[]), CAST(:names AS varchar[]), CAST(:genders AS varchar[]),
                            CAST(:birthYears AS smallint[]), CAST(:birthDates AS date[]), CAST(:ethnicities AS smallint[]),
                            CAST(:parties AS boolean[]), CAST(:phones AS varchar[]), CAST(:addresses AS varchar[]),
                            CAST(:joined AS date[]))
                     AS t (card, name, gender, birth_year, birth_date, ethnicity, party, phone, address, joined)
                """)
                .param("unit", unit.id()).param("cards", cards).param("names", names).param("genders", genders)
                .param("birthYears", birthYears).param("birthDates", birthDates).param("ethnicities", ethnicities)
                .param("parties", parties).param("phones", phones).param("addresses", addresses).param("joined", joined)
                .update();
    }

    private ImportResult write(Staff staff, OrgUnitView unit, String fileName, Map<Integer, MemberData> rows) {
        int n = rows.size();
        String province = members.provinceCode(unit);
        List<Long> serials = jdbc.sql("SELECT nextval('member_card_seq') FROM generate_series(1, :n)").param("n", n)
                .query(Long.class).list();
        String[] cards = new String[n];
        String[] names = new String[n];
        String[] genders = new String[n];
        Integer[] birthYears = new Integer[n];
        String[] birthDates = new String[n];
        Integer[] ethnicities = new Integer[n];
        Boolean[] parties = new Boolean[n];
        String[] phones = new String[n];
        String[] addresses = new String[n];
        String[] joined = new String[n];
        int i = 0;
        for (MemberData data : rows.values()) {
            cards[i] = CardNumbers.format(province, serials.get(i));
            names[i] = data.fullName();
            genders[i] = data.gender().name();
            birthYears[i] = data.birthYear();
            birthDates[i] = data.birthDate() == null ? null : data.birthDate().toString();
            ethnicities[i] = data.ethnicity();
            parties[i] = data.partyMember();
            phones[i] = data.phone();
            addresses[i] = data.address();
            joined[i] = data.joinedOn().toString();
            i++;
        }
        try {
            insert(unit, cards, names, genders, birthYears, birthDates, ethnicities, parties, phones, addresses, joined);
        }
        catch (org.springframework.dao.DataAccessException ex) {
            // the commune's report of a year of these rows is submitted (require_unlocked): the whole file is refused
            var locked = vn.khuyenhoc.shared.LockedRecords.refusal(ex, null);
            if (locked.isEmpty()) {
                throw ex;
            }
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            var v = locked.get().violations().get(0);
            return ImportResult.fileError(fileName, v.code(),
                    java.util.Arrays.stream(v.args()).map(String::valueOf).toArray(String[]::new));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unitId", unit.id());
        summary.put("file", fileName);
        summary.put("count", n);
        summary.put("firstCard", cards[0]);
        summary.put("lastCard", cards[n - 1]);
        audit.record(staff, "IMPORT", AUDIT_TYPE, null, unit.path(), null, summary);
        return new ImportResult(fileName, n, cards[0], cards[n - 1], null, List.of(), List.of(), 0);
    }

    /** The name of the uploaded file without any path, for the audit log and the result page. */
    static String cleanFileName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    /** The rows of one file as they stream past: the header found, each data row checked, the good ones kept. */
    private final class Roster {

        Map<Integer, RosterColumn> columns;
        final Map<RosterColumn, String> headings = new EnumMap<>(RosterColumn.class);
        int rowsSeen;
        int dataRows;
        final Map<Integer, MemberData> valid = new LinkedHashMap<>();
        final Map<String, Integer> firstRowOf = new HashMap<>();
        final List<ImportResult.RowError> errors = new ArrayList<>();
        final Set<Integer> badRows = new HashSet<>();
        final LocalDate today = VietnamTime.today(clock);

        void accept(SpreadsheetReader.RawRow row) {
            rowsSeen++; // the reader stops at MAX_ROWS_READ rows of any kind
            if (columns == null) {
                if (rowsSeen <= HEADER_SEARCH_ROWS) {
                    header(row);
                }
                return;
            }
            if (row.blank()) {
                return;
            }
            dataRows++;
            if (dataRows > MAX_ROWS) {
                throw new TooManyRows(); // stop reading: the file is refused as a whole
            }
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            columns.forEach((index, column) -> values.put(column, text(column, row.cell(index))));
            MemberInput input = new MemberInput(values.get(RosterColumn.FULL_NAME), values.get(RosterColumn.GENDER),
                    values.get(RosterColumn.BIRTH), values.get(RosterColumn.ETHNICITY),
                    values.getOrDefault(RosterColumn.PARTY_MEMBER, ""), values.get(RosterColumn.PHONE),
                    values.get(RosterColumn.ADDRESS), values.get(RosterColumn.JOINED_ON));
            int number = row.number();
            MemberData data;
            try {
                data = MemberRules.check(input, today);
            }
            catch (RuleViolationException ex) {
                ex.violations().forEach(v -> error(number, v.field(), v.code(), v.args()));
                return;
            }
            Integer earlier = firstRowOf.putIfAbsent(data.identityKey(), number);
            if (earlier != null) {
                error(number, "fullName", "member.import.duplicateRow", String.valueOf(earlier));
            }
            else {
                valid.put(number, data);
            }
        }

        /** A row is the header when it names at least three of the known columns. */
        private void header(SpreadsheetReader.RawRow row) {
            Map<Integer, RosterColumn> found = new LinkedHashMap<>();
            for (int i = 0; i < row.cells().size(); i++) {
                String heading = row.cell(i).text();
                int index = i;
                RosterColumn.forHeader(heading).ifPresent(column -> {
                    if (!found.containsValue(column)) {
                        found.put(index, column);
                        headings.put(column, heading.strip());
                    }
                });
            }
            if (found.size() >= 3) {
                columns = found;
            }
            else {
                headings.clear();
            }
        }

        /** A cell as the rules read it: a spreadsheet's number in a date column is a date (or, for birth, a year). */
        private static String text(RosterColumn column, SpreadsheetReader.RawCell cell) {
            if (cell.number() && column.holdsDates()) {
                String plain = cell.text();
                boolean year = column == RosterColumn.BIRTH && FOUR_DIGITS.matcher(plain).matches();
                if (!year && cell.date() != null) {
                    return dayFirst(cell.date());
                }
            }
            return cell.text();
        }

        void error(int row, String field, String code, Object... args) {
            badRows.add(row);
            if (errors.size() < ImportResult.MAX_LISTED) {
                RosterColumn column = RosterColumn.forField(field).orElseThrow();
                errors.add(new ImportResult.RowError(row, headings.getOrDefault(column, column.header()), code, args));
            }
        }

        /** The checks that need the database: people already active in the unit, dates joined in closed years. */
        void checkAgainstDatabase(OrgUnitView unit) {
            Map<String, String> existing = new HashMap<>();
            jdbc.sql("""
                    SELECT full_name, gender, birth_year, birth_date, card_number FROM member
                    WHERE unit_id = :unit AND status = 'ACTIVE'
                    """).param("unit", unit.id()).query(rs -> {
                        MemberData known = new MemberData(rs.getString(1), Gender.valueOf(rs.getString(2)), rs.getInt(3),
                                rs.getObject(4, LocalDate.class), Ethnicity.KINH, false, null, "", null);
                        existing.put(known.identityKey(), rs.getString(5));
                    });
            Set<Integer> closed = closedYears.all();
            valid.forEach((row, data) -> {
                String card = existing.get(data.identityKey());
                if (card != null) {
                    error(row, "fullName", "member.import.duplicateExisting", card);
                }
                if (closed.contains(data.joinedOn().getYear())) {
                    error(row, "joinedOn", "year.closed");
                }
            });
            errors.sort(java.util.Comparator.comparingInt(ImportResult.RowError::row));
        }
    }

    /** dd/MM/yyyy, as the rules read it. */
    static String dayFirst(java.time.LocalDateTime date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
