package vn.khuyenhoc.criteria;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.RegistrationService;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.shared.DatabaseRefusals;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;

/**
 * Evaluating a registration by its criteria: the points of each criterion, the result the set's rule gives, the
 * result that stands (the same, or another only with a written reason), and the decision that follows (RECOGNISED
 * under a decision, or NOT_RECOGNISED) recorded through the evaluation, all in one transaction. The set used is
 * the one in force for the registration's kind and year; it is frozen from then on (R__criteria.sql).
 */
@Service
@Transactional(readOnly = true)
public class ScoringService {

    static final String AUDIT_TYPE = "TITLE_EVALUATION";

    private final CriteriaService criteria;
    private final ScoringQueries queries;
    private final EvaluationService evaluation;
    private final RegistrationService registrations;
    private final AuditService audit;
    private final OrgUnitService orgUnits;

    ScoringService(CriteriaService criteria, ScoringQueries queries, EvaluationService evaluation,
            RegistrationService registrations, AuditService audit, OrgUnitService orgUnits) {
        this.orgUnits = orgUnits;
        this.criteria = criteria;
        this.queries = queries;
        this.evaluation = evaluation;
        this.registrations = registrations;
        this.audit = audit;
    }

    /** What the scores page shows: the registration, the set that scores it (if any), the stored evaluation. */
    public record ScorePage(RegistrationView registration, CriteriaSetView set, ScoringQueries.StoredEvaluation stored,
            boolean canScore) {
    }

    /** The page of a registration in scope (404 outside it); {@code canScore} for its recognising node's staff. */
    public ScorePage page(Staff staff, long id) {
        RegistrationView registration = registrations.get(staff.scope(), id);
        Optional<ScoringQueries.StoredEvaluation> stored = queries.find(id);
        CriteriaSetView set = stored.map(s -> criteria.get(s.setId()))
                .orElseGet(() -> criteria.scoring(registration.kind(), registration.year()).orElse(null));
        boolean canScore = evaluation.recognises(staff, registration) && !registration.isWithdrawn()
                && !registrations.isYearClosed(registration.year())
                && criteria.scoring(registration.kind(), registration.year()).isPresent();
        return new ScorePage(registration, set, stored.orElse(null), canScore);
    }

    /**
     * Scores a registration from the page's form and records the decision that follows.
     *
     * @throws RuleViolationException for bad points, a missing reason or decision (nothing saved)
     */
    @Transactional
    public RegistrationView score(Staff staff, long id, ScoreForm form) {
        RegistrationView registration = evaluation.getToEvaluate(staff, id);
        CriteriaSetView set = criteria.scoring(registration.kind(), registration.year())
                .orElseThrow(() -> RuleViolationException.of(null, "scores.noSet"));
        RuleViolationException.Collector errors = new RuleViolationException.Collector();
        form.problems(set).values().forEach(p -> errors.add("points", p.code(), p.args()));
        errors.throwIfAny();
        List<Integer> points = form.pointValues(set);
        CriteriaSetView.Outcome computed = set.score(points);

        boolean passed = computed.passed();
        String grade = computed.grade();
        String reason = null;
        String override = form.override() == null ? "" : form.override().strip();
        if (!override.isEmpty()) {
            if (!override.equals("PASS") && !override.equals("FAIL")) {
                errors.add("override", "scores.override.invalid");
            }
            passed = override.equals("PASS");
            String typedGrade = Text.clean(form.grade());
            if (!passed) {
                grade = null;
            }
            else if (typedGrade != null && !typedGrade.isEmpty()) {
                if (set.grades().stream().noneMatch(g -> g.name().equals(typedGrade))) {
                    errors.add("grade", "scores.grade.invalid");
                }
                grade = typedGrade;
            }
            else {
                grade = set.gradeOf(computed.total());
            }
            if (passed != computed.passed() || !java.util.Objects.equals(grade, computed.grade())) {
                reason = Text.clean(form.reason());
                if (reason == null || reason.isEmpty()) {
                    errors.add("reason", "scores.reason.required");
                }
            }
        }
        LocalDate date = form.decisionDateValue();
        if (passed) {
            if (form.decisionNumber() == null || form.decisionNumber().isBlank()) {
                errors.add("decisionNumber", "evaluation.decisionNumber.required");
            }
            if (form.decisionDate() == null || form.decisionDate().isBlank()) {
                errors.add("decisionDate", "evaluation.decisionDate.required");
            }
            else if (date == null) {
                errors.add("decisionDate", "evaluation.decisionDate.invalid");
            }
        }
        errors.throwIfAny();
        return record(staff, registration, form.version(), set, points, computed, passed, grade, reason,
                form.decisionNumber(), date);
    }

    /**
     * Scores one registration with points already checked against the set (the spreadsheet's rows): the rule's
     * result stands; a recognised one takes the decision given.
     */
    @Transactional
    public RegistrationView scoreChecked(Staff staff, RegistrationView registration, CriteriaSetView set,
            List<Integer> points, String decisionNumber, LocalDate decisionDate) {
        CriteriaSetView.Outcome computed = set.score(points);
        return record(staff, registration, registration.version(), set, points, computed, computed.passed(),
                computed.grade(), null, decisionNumber, decisionDate);
    }

    private RegistrationView record(Staff staff, RegistrationView registration, Long version, CriteriaSetView set,
            List<Integer> points, CriteriaSetView.Outcome computed, boolean passed, String grade, String reason,
            String decisionNumber, LocalDate decisionDate) {
        Optional<ScoringQueries.StoredEvaluation> before = queries.find(registration.id());
        RegistrationView decided = evaluation.decideScored(staff, registration.id(), version, passed,
                passed ? decisionNumber : null, passed ? decisionDate : null);
        DatabaseRefusals.translating(null, () -> {
            queries.save(registration.id(), set, points, computed, passed, grade, reason, staff.username());
            return null;
        });
        audit.record(staff, before.isPresent() ? "RESCORE" : "SCORE", AUDIT_TYPE, registration.id(),
                orgUnits.get(staff.scope(), registration.nodeId()).path(),
                before.map(ScoringService::auditState).orElse(null),
                auditState(queries.find(registration.id()).orElseThrow()));
        return decided;
    }

    /** The standing grade (or level) of each of these registrations that has one. */
    public Map<Long, String> grades(List<Long> registrationIds) {
        return queries.grades(registrationIds);
    }

    private static Map<String, Object> auditState(ScoringQueries.StoredEvaluation e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("criteriaSetId", e.setId());
        state.put("points", new java.util.TreeMap<>(e.points()));
        state.put("total", e.total());
        state.put("computedPassed", e.computedPassed());
        state.put("computedGrade", e.computedGrade());
        state.put("passed", e.passed());
        state.put("grade", e.grade());
        state.put("overrideReason", e.reason());
        return state;
    }
}
