package vn.khuyenhoc.criteria;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.spreadsheet.SpreadsheetReader;
import vn.khuyenhoc.shared.Staff;

/**
 * Evaluation by spreadsheet, for a commune with thousands of families: download the year's registrations of a
 * kind with one column per criterion, fill in points, upload. The upload is all or nothing: every bad row is listed
 * and nothing is saved, or every filled-in row is scored (rows left blank are skipped) and the recognised ones take
 * the decision given with the file. At most {@link #MAX_ROWS} rows and {@link #MAX_BYTES} bytes.
 */
@Service
@Transactional(readOnly = true)
public class SheetImport {

    static final int MAX_ROWS = 5_000;
    static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Row messages shown at most (the count says how many more). */
    static final int MAX_LISTED = 200;

    private final EvaluationService evaluation;
    private final CriteriaService criteria;
    private final ScoringService scoring;
    private final ScoringQueries queries;
    private final MessageSource messages;

    SheetImport(EvaluationService evaluation, CriteriaService criteria, ScoringService scoring, ScoringQueries queries,
            MessageSource messages) {
        this.evaluation = evaluation;
        this.criteria = criteria;
        this.scoring = scoring;
        this.queries = queries;
        this.messages = messages;
    }

    /** The kinds this node scores in this year (a complete set applies), in report order. */
    public List<TitleKind> scoredKinds(Staff staff, long nodeId, int year) {
        OrgUnitView node = evaluation.recogniser(staff, nodeId);
        return TitleKind.recognisedAtLevel(node.level()).stream()
                .filter(k -> criteria.scoring(k, year).isPresent()).toList();
    }

    /** The spreadsheet of a kind and year, with the points already saved. */
    public byte[] download(Staff staff, long nodeId, int year, TitleKind kind, Locale locale) {
        OrgUnitView node = evaluation.recogniser(staff, nodeId);
        CriteriaSetView set = criteria.scoring(kind, year).orElseThrow(vn.khuyenhoc.shared.NotFoundException::new);
        List<RegistrationView> registrations = evaluation.all(staff, nodeId, year, kind);
        String kindName = messages.getMessage("registration.kind." + kind, null, locale);
        String title = messages.getMessage("sheet.fileTitle", new Object[] {kindName, String.valueOf(year), node.name(),
                set.name(), String.valueOf(set.version())}, locale);
        List<String> headers = List.of(msg("sheet.col.id", locale), msg("sheet.col.unit", locale),
                msg("sheet.col.subject", locale), msg("sheet.col.details", locale), msg("sheet.setNote", locale));
        return ScoreSheet.write(set, registrations,
                queries.points(registrations.stream().map(RegistrationView::id).toList()), title, headers, locale);
    }

    /** What an upload did: how many scored, recognised and not. */
    public record Result(int scored, int recognised, int notRecognised) {
    }

    /**
     * Scores every filled-in row of the file, or nothing.
     *
     * @throws RuleViolationException listing every bad row (field null, message "sheet.row"), or the file's problem
     */
    @Transactional
    public Result upload(Staff staff, long nodeId, int year, TitleKind kind, byte[] file, String decisionNumber,
            LocalDate decisionDate, boolean decisionDateTyped, Locale locale) {
        evaluation.recogniser(staff, nodeId);
        RuleViolationException.Collector errors = new RuleViolationException.Collector();
        if (file == null || file.length == 0) {
            throw RuleViolationException.of("file", "sheet.file.required");
        }
        if (file.length > MAX_BYTES) {
            throw RuleViolationException.of("file", "sheet.file.tooBig", MAX_BYTES / 1024 / 1024);
        }
        CriteriaSetView set = criteria.scoring(kind, year)
                .orElseThrow(() -> RuleViolationException.of("kind", "sheet.kind.notScored"));
        ScoreSheet.Read read;
        try {
            // a zip bomb is refused before the parser sees it, as for every upload (shared.spreadsheet)
            SpreadsheetReader.inspect(new ByteArrayResource(file), file.length);
            read = ScoreSheet.read(file, set.criteria().size(), MAX_ROWS);
        }
        catch (IOException | SpreadsheetReader.UnreadableFileException ex) {
            throw RuleViolationException.of("file", "sheet.file.unreadable");
        }
        if (read.tooManyRows()) {
            throw RuleViolationException.of("file", "sheet.file.tooManyRows", MAX_ROWS);
        }
        if (read.setId() == null || read.setId() != set.id()) {
            throw RuleViolationException.of("file", "sheet.file.otherSet");
        }
        Map<Long, RegistrationView> registrations = evaluation.all(staff, nodeId, year, kind).stream()
                .collect(Collectors.toMap(RegistrationView::id, Function.identity()));
        Set<Long> seen = new HashSet<>();
        List<RegistrationView> rowsToScore = new ArrayList<>();
        List<List<Integer>> pointsToScore = new ArrayList<>();
        int listed = 0;
        int bad = 0;
        for (ScoreSheet.SheetRow row : read.rows()) {
            List<String> problems = new ArrayList<>();
            Long id = row.id().matches("\\d{1,18}") ? Long.valueOf(row.id()) : null;
            RegistrationView registration = id == null ? null : registrations.get(id);
            if (registration == null) {
                problems.add(messages.getMessage("sheet.row.unknown", new Object[] {row.id()}, locale));
            }
            else if (!seen.add(id)) {
                problems.add(msg("sheet.row.twice", locale));
            }
            boolean allBlank = row.points().stream().allMatch(String::isEmpty);
            if (allBlank && problems.isEmpty()) {
                continue; // not scored in this file
            }
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i < set.criteria().size(); i++) {
                CriteriaSetView.Criterion c = set.criteria().get(i);
                String typed = row.points().get(i);
                Integer value = CriteriaForm.parse(typed);
                if (typed.isEmpty()) {
                    problems.add(messages.getMessage("scores.points.required", new Object[] {c.position()}, locale));
                }
                else if (value == null) {
                    problems.add(messages.getMessage(typed.matches("-\\d+") ? "scores.points.negative"
                            : "scores.points.number", new Object[] {c.position()}, locale));
                }
                else if (value > c.maxPoints()) {
                    problems.add(messages.getMessage("scores.points.overMax", new Object[] {c.position(), c.maxPoints()},
                            locale));
                }
                points.add(value);
            }
            if (!problems.isEmpty()) {
                bad++;
                if (listed++ < MAX_LISTED) {
                    errors.add(null, "sheet.row", String.valueOf(row.number()), String.join(" ", problems));
                }
                continue;
            }
            rowsToScore.add(registration);
            pointsToScore.add(points);
        }
        if (bad > MAX_LISTED) {
            errors.add(null, "sheet.rows.more", bad - MAX_LISTED);
        }
        boolean anyPass = false;
        for (List<Integer> p : pointsToScore) {
            anyPass |= set.score(p).passed();
        }
        if (rowsToScore.isEmpty() && bad == 0) {
            errors.add("file", "sheet.file.noScores");
        }
        if (anyPass) {
            if (decisionNumber == null || decisionNumber.isBlank()) {
                errors.add("decisionNumber", "evaluation.decisionNumber.required");
            }
            if (decisionDate == null) {
                errors.add("decisionDate", decisionDateTyped ? "evaluation.decisionDate.invalid"
                        : "evaluation.decisionDate.required");
            }
        }
        errors.throwIfAny();
        int recognised = 0;
        for (int i = 0; i < rowsToScore.size(); i++) {
            RegistrationView scored = scoring.scoreChecked(staff, rowsToScore.get(i), set, pointsToScore.get(i),
                    decisionNumber, decisionDate);
            if (scored.status() == vn.khuyenhoc.registration.RegistrationStatus.RECOGNISED) {
                recognised++;
            }
        }
        return new Result(rowsToScore.size(), recognised, rowsToScore.size() - recognised);
    }

    private String msg(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
