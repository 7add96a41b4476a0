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
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The year-end evaluation: commune staff mark the registrations of their commune and its grassroots units
 * RECOGNISED (with the decision's number and date; the recognising level is the commune) or NOT_RECOGNISED, one
 * at a time or a whole selection under one decision. A registration may be evaluated again (a corrected decision,
 * a reversed result); each evaluation is an audit entry with the state before and after. Withdrawn registrations
 * and closed years are out of reach.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

    private static final int PAGE_SIZE = 50;

    private final TitleRegistrationRepository registrations;
    private final RegistrationQueries queries;
    private final OrgUnitService orgUnits;
    private final ClosedYears closing;
    private final AuditService audit;
    private final Clock clock;

    EvaluationService(TitleRegistrationRepository registrations, RegistrationQueries queries, OrgUnitService orgUnits,
            ClosedYears closing, AuditService audit, Clock clock) {
        this.clock = clock;
        this.registrations = registrations;
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.audit = audit;
    }

    /**
     * The commune the user evaluates: their own, if this id is it.
     *
     * @throws NotFoundException when the id is outside the scope or not a commune
     * @throws AccessDeniedException when the user is not commune staff
     */
    public OrgUnitView commune(Staff staff, long communeId) {
        OrgUnitView commune = orgUnits.get(staff.scope(), communeId);
        if (!commune.isCommune()) {
            throw new NotFoundException();
        }
        requireEvaluator(staff);
        return commune;
    }

    /** All live registrations of the commune's subtree for the filter (a status, a kind, one registering node). */
    public RegistrationPage list(Staff staff, long communeId, RegistrationFilter filter) {
        OrgUnitView commune = commune(staff, communeId);
        if (filter.nodeId() != null) {
            OrgUnitView node = orgUnits.get(staff.scope(), filter.nodeId());
            if (node.id() != commune.id() && !Long.valueOf(commune.id()).equals(node.parentId())) {
                throw new NotFoundException();
            }
        }
        if (filter.status() == RegistrationStatus.WITHDRAWN) {
            throw new NotFoundException();
        }
        return queries.page(RegistrationQueries.Owner.COMMUNE, commune.id(), filter, false, PAGE_SIZE);
    }

    /** Evaluates one registration, which the user saw at {@code command.version()}. */
    @Transactional
    public RegistrationView evaluate(Staff staff, long id, EvaluationCommand command) {
        TitleRegistration registration = registrations.findById(id).orElseThrow(NotFoundException::new);
        OrgUnitView node = orgUnits.get(staff.scope(), registration.getNodeId());
        requireEvaluator(staff);
        check(command);
        return apply(staff, registration, node, command.version(), command);
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
     * Evaluates every selected registration of the commune under one decision, all or nothing: one of them
     * changed since the page was shown, and none is saved.
     *
     * @return how many were evaluated
     */
    @Transactional
    public int evaluateAll(Staff staff, long communeId, List<String> selected, EvaluationCommand command) {
        OrgUnitView commune = commune(staff, communeId);
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
            if (registration.getCommuneId() != commune.id()) {
                throw new NotFoundException();
            }
            OrgUnitView node = nodes.computeIfAbsent(registration.getNodeId(), n -> orgUnits.get(staff.scope(), n));
            apply(staff, registration, node, versions.get(registration.getId()), command);
        }
        return ordered.size();
    }

    private RegistrationView apply(Staff staff, TitleRegistration registration, OrgUnitView node, Long expectedVersion,
            EvaluationCommand command) {
        if (expectedVersion == null || expectedVersion != registration.getVersion()
                || registration.getStatus() == RegistrationStatus.WITHDRAWN) {
            throw new ObjectOptimisticLockingFailureException(TitleRegistration.class, registration.getId());
        }
        closing.requireOpen(registration.getYear(), null);
        RegistrationView before = RegistrationView.of(registration, node.name());
        if (command.result() == RegistrationStatus.RECOGNISED) {
            LocalDate date = command.decisionDate();
            if (date.getYear() < registration.getYear()) {
                throw RuleViolationException.of("decisionDate", "evaluation.decisionDate.beforeYear");
            }
            if (date.isAfter(VietnamTime.today(clock))) {
                throw RuleViolationException.of("decisionDate", "evaluation.decisionDate.future");
            }
            registration.recognise(Text.clean(command.decisionNumber()), date,
                    RecognisingLevel.COMMUNE, staff.username(), OffsetDateTime.now(clock));
        }
        else {
            registration.refuse(staff.username(), OffsetDateTime.now(clock));
        }
        RegistrationView after = RegistrationView.of(registrations.saveAndFlush(registration), node.name());
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

    /** @throws AccessDeniedException unless the user is commune staff (call after the scope check) */
    public void requireEvaluator(Staff staff) {
        if (staff.role() != Role.COMMUNE) {
            throw new AccessDeniedException("Only commune staff evaluate registrations");
        }
    }
}
