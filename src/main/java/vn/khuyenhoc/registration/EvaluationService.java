package vn.khuyenhoc.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.ClosedYears;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.DatabaseRefusals;
import vn.khuyenhoc.shared.KeysetPage;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The year-end evaluation: the staff of the recognising node (see {@link TitleKind}: a commune for families,
 * communities, citizens, clans and its learning units; a province for learning communes and its own learning units;
 * the national board for learning provinces) mark the registrations it recognises RECOGNISED (with the decision's
 * number and date; the recognising level is the node's) or NOT_RECOGNISED, one at a time or a whole selection
 * under one decision. Where a complete criteria set applies, a recognition needs passing scores
 * ({@link ScoreRequirement}; the criteria feature records scores through {@link #decideScored}). A registration may
 * be evaluated again (a corrected decision, a reversed result); each evaluation is an audit entry with the state
 * before and after. Withdrawn registrations and closed years are out of reach.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

    static final int PAGE_SIZE = 50;

    private final TitleRegistrationRepository registrations;
    private final RegistrationQueries queries;
    private final OrgUnitService orgUnits;
    private final ClosedYears closing;
    private final AuditService audit;
    private final ScoreRequirement scores;
    private final Clock clock;

    EvaluationService(TitleRegistrationRepository registrations, RegistrationQueries queries, OrgUnitService orgUnits,
            ClosedYears closing, AuditService audit, ScoreRequirement scores, Clock clock) {
        this.registrations = registrations;
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.audit = audit;
        this.scores = scores;
        this.clock = clock;
    }

    /**
     * The node whose registrations the user evaluates: their own, if this id is it (a commune, a province or the
     * central node).
     *
     * @throws NotFoundException when the id is outside the scope or a grassroots unit
     * @throws AccessDeniedException when it is not the user's own node
     */
    public OrgUnitView recogniser(Staff staff, long nodeId) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        if (node.level() > 2) {
            throw new NotFoundException();
        }
        if (staff.scope().nodeId() != node.id()) {
            throw new AccessDeniedException("Only the node's own staff evaluate what it recognises");
        }
        return node;
    }

    /** All live registrations the node recognises for the filter (a status, a kind, one registering node). */
    public KeysetPage<RegistrationView> list(Staff staff, long nodeId, RegistrationFilter filter) {
        OrgUnitView recogniser = recogniser(staff, nodeId);
        if (filter.nodeId() != null) {
            OrgUnitView node = orgUnits.get(staff.scope(), filter.nodeId());
            if (node.id() != recogniser.id() && !Long.valueOf(recogniser.id()).equals(node.parentId())) {
                throw new NotFoundException();
            }
        }
        if (filter.status() == RegistrationStatus.WITHDRAWN) {
            throw new NotFoundException();
        }
        return queries.page(RegistrationQueries.Owner.RECOGNISER, recogniser.id(), filter, false, PAGE_SIZE);
    }

    /** Every live registration of a kind and year the node recognises (the evaluation spreadsheet), in list order. */
    public List<RegistrationView> all(Staff staff, long nodeId, int year, TitleKind kind) {
        OrgUnitView recogniser = recogniser(staff, nodeId);
        return queries.all(recogniser.id(), year, kind);
    }

    /** The registrations one decision of the node recognised (its certificates), in list order. */
    public List<RegistrationView> recognisedBy(Staff staff, long nodeId, String decisionNumber) {
        OrgUnitView recogniser = recogniser(staff, nodeId);
        return queries.recognisedBy(recogniser.id(), Text.clean(decisionNumber));
    }

    /** The node's recognition decisions of a year, newest first. */
    public List<Decision> decisions(Staff staff, long nodeId, int year) {
        OrgUnitView recogniser = recogniser(staff, nodeId);
        return queries.decisions(recogniser.id(), year);
    }

    /** A recognition decision: its number, date and how many registrations it recognised. */
    public record Decision(String number, LocalDate date, long count) {
    }

    /**
     * A registration in scope that this user evaluates.
     *
     * @throws NotFoundException     outside the scope
     * @throws AccessDeniedException when the user's node does not recognise it
     */
    public RegistrationView getToEvaluate(Staff staff, long id) {
        TitleRegistration registration = registrations.findById(id).orElseThrow(NotFoundException::new);
        OrgUnitView node = orgUnits.get(staff.scope(), registration.getNodeId());
        RegistrationView view = RegistrationView.of(registration, node.name());
        requireRecogniser(staff, view);
        return view;
    }

    /**
     * Records the result of a scored evaluation (the criteria feature's): RECOGNISED under the decision, or
     * NOT_RECOGNISED, in the caller's transaction.
     */
    @Transactional
    public RegistrationView decideScored(Staff staff, long id, Long version, boolean recognised, String decisionNumber,
            LocalDate decisionDate) {
        TitleRegistration registration = registrations.findById(id).orElseThrow(NotFoundException::new);
        OrgUnitView node = orgUnits.get(staff.scope(), registration.getNodeId());
        requireRecogniser(staff, RegistrationView.of(registration, node.name()));
        EvaluationCommand command = new EvaluationCommand(
                recognised ? RegistrationStatus.RECOGNISED : RegistrationStatus.NOT_RECOGNISED, decisionNumber,
                decisionDate, version);
        return apply(staff, registration, node, version, command, true);
    }

    /** Evaluates one registration, which the user saw at {@code command.version()}. */
    @Transactional
    public RegistrationView evaluate(Staff staff, long id, EvaluationCommand command) {
        TitleRegistration registration = registrations.findById(id).orElseThrow(NotFoundException::new);
        OrgUnitView node = orgUnits.get(staff.scope(), registration.getNodeId());
        requireRecogniser(staff, RegistrationView.of(registration, node.name()));
        check(command);
        return apply(staff, registration, node, command.version(), command, false);
    }

    /**
     * A result is chosen; a recognition has its decision number and date.
     *
     * @throws RuleViolationException with every rule the decision breaks
     */
    private static void check(EvaluationCommand command) {
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        if (command.result() == null || !command.result().isResult()) {
            rules.add("result", "evaluation.result.required");
        }
        else if (command.result() == RegistrationStatus.RECOGNISED) {
            if (command.decisionNumber() == null || command.decisionNumber().isBlank()) {
                rules.add("decisionNumber", "evaluation.decisionNumber.required");
            }
            if (command.decisionDate() == null) {
                rules.add("decisionDate", "evaluation.decisionDate.required");
            }
        }
        rules.throwIfAny();
    }

    /**
     * Evaluates every selected registration the node recognises under one decision, all or nothing: one of them
     * changed since the page was shown, and none is saved.
     *
     * @return how many were evaluated
     */
    @Transactional
    public int evaluateAll(Staff staff, long nodeId, List<String> selected, EvaluationCommand command) {
        OrgUnitView recogniser = recogniser(staff, nodeId);
        Map<Long, Long> versions = parseSelection(selected);
        if (versions.isEmpty()) {
            throw RuleViolationException.of("selected", "evaluation.selected.required");
        }
        check(command);
        List<TitleRegistration> found = registrations.findByIdIn(versions.keySet());
        if (found.size() != versions.size()) {
            throw new NotFoundException();
        }
        Map<Long, OrgUnitView> nodes = new LinkedHashMap<>();
        List<TitleRegistration> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing(TitleRegistration::getId));
        for (TitleRegistration registration : ordered) {
            if (registration.getRecognisingNodeId() != recogniser.id()) {
                throw new NotFoundException();
            }
            OrgUnitView node = nodes.computeIfAbsent(registration.getNodeId(), n -> orgUnits.get(staff.scope(), n));
            apply(staff, registration, node, versions.get(registration.getId()), command, false);
        }
        return ordered.size();
    }

    private RegistrationView apply(Staff staff, TitleRegistration registration, OrgUnitView node, Long expectedVersion,
            EvaluationCommand command, boolean scored) {
        if (expectedVersion == null || expectedVersion != registration.getVersion()
                || registration.getStatus() == RegistrationStatus.WITHDRAWN) {
            throw new ObjectOptimisticLockingFailureException(TitleRegistration.class, registration.getId());
        }
        closing.requireOpen(registration.getYear(), null);
        RegistrationView before = RegistrationView.of(registration, node.name());
        if (command.result() == RegistrationStatus.RECOGNISED) {
            if (!scored && !scores.allowsRecognition(registration.getId(), registration.getKind(),
                    registration.getYear())) {
                throw RuleViolationException.of(null, "evaluation.needsScores");
            }
            LocalDate date = command.decisionDate();
            if (date.getYear() < registration.getYear()) {
                throw RuleViolationException.of("decisionDate", "evaluation.decisionDate.beforeYear");
            }
            if (date.isAfter(VietnamTime.today(clock))) {
                throw RuleViolationException.of("decisionDate", "evaluation.decisionDate.future");
            }
            registration.recognise(Text.clean(command.decisionNumber()), date,
                    RecognisingLevel.ofNodeLevel(staff.scope().level()), staff.username(), OffsetDateTime.now(clock));
        }
        else {
            registration.refuse(staff.username(), OffsetDateTime.now(clock));
        }
        RegistrationView after = RegistrationView.of(
                DatabaseRefusals.translating(null, () -> registrations.saveAndFlush(registration)), node.name());
        audit.record(staff, before.status().isResult() ? "REEVALUATE" : "EVALUATE", RegistrationService.AUDIT_TYPE,
                registration.getId(), node.path(), RegistrationService.auditState(before),
                RegistrationService.auditState(after));
        return after;
    }

    /** "id:version" values of the checkboxes; anything else is a forged request. */
    private static Map<Long, Long> parseSelection(List<String> selected) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        if (selected == null) {
            return versions;
        }
        for (String value : selected) {
            String[] parts = value.split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException(value);
                }
                versions.put(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
            }
            catch (NumberFormatException ex) {
                throw new NotFoundException();
            }
        }
        return versions;
    }

    /** @throws AccessDeniedException unless the user's node recognises this registration (after the scope check) */
    public void requireRecogniser(Staff staff, RegistrationView registration) {
        if (!recognises(staff, registration)) {
            throw new AccessDeniedException("Only the recognising node's staff evaluate this registration");
        }
    }

    /** Whether the user's node recognises this registration. */
    public boolean recognises(Staff staff, RegistrationView registration) {
        return staff.scope().nodeId() == registration.recognisingNodeId();
    }

    /** Whether a recognition of this kind and year needs scores (a complete criteria set applies). */
    public boolean needsScores(TitleKind kind, int year) {
        return scores.needsScores(kind, year);
    }
}
