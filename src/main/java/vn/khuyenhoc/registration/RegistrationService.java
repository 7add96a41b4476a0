package vn.khuyenhoc.registration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
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
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * Learning-title registrations: registering, correcting and withdrawing them, their lists and their counts.
 *
 * <p>Access, the same on every path: an id outside the user's subtree answers 404 ({@link NotFoundException}),
 * exactly like a missing one. Inside it, what the user's role may not do answers 403
 * ({@link AccessDeniedException}): a grassroots secretary (CHAPTER) registers, corrects and withdraws families,
 * communities and citizens of their own unit; commune staff (COMMUNE) do so for clans and learning units of their
 * commune; everyone else in scope only reads. The year-end evaluation is {@link EvaluationService}'s.
 */
@Service
@Transactional(readOnly = true)
public class RegistrationService {

    static final String AUDIT_TYPE = "REGISTRATION";
    static final int PAGE_SIZE = 20;

    private final TitleRegistrationRepository registrations;
    private final RegistrationQueries queries;
    private final OrgUnitService orgUnits;
    private final ClosedYears closing;
    private final AuditService audit;
    private final Clock clock;

    RegistrationService(TitleRegistrationRepository registrations, RegistrationQueries queries,
            OrgUnitService orgUnits, ClosedYears closing, AuditService audit, Clock clock) {
        this.clock = clock;
        this.registrations = registrations;
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.audit = audit;
    }

    /**
     * The registered and recognised figures of each kind for a node in scope and a year (see {@link TitleCounts}
     * for their definitions): of a grassroots unit, its own registrations; of a commune, province or the country,
     * those of its whole subtree; from the roll-ups (rollup_titles), as the dashboards read them.
     *
     * @throws NotFoundException when the node does not exist or lies outside the scope
     */
    public TitleCounts counts(Scope scope, long nodeId, int year) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        Map<TitleKind, TitleCounts.KindCount> found = new LinkedHashMap<>();
        queries.counts(orgUnits.rollupNodes(node), year)
                .forEach(c -> found.put(c.kind(), c));
        List<TitleKind> kinds = TitleKind.countedAtLevel(node.level());
        return new TitleCounts(node.id(), year,
                kinds.stream().map(k -> found.getOrDefault(k, new TitleCounts.KindCount(k, 0, 0))).toList());
    }

    /** A node's own registrations of a year (withdrawn ones too, marked): a grassroots unit's, or a commune's. */
    public KeysetPage<RegistrationView> list(Scope scope, long nodeId, RegistrationFilter filter) {
        OrgUnitView node = registeringNode(scope, nodeId);
        return queries.page(RegistrationQueries.Owner.NODE, node.id(),
                new RegistrationFilter(filter.year(), filter.kind(), filter.status(), null, filter.cursor()), true,
                PAGE_SIZE);
    }

    /** @throws NotFoundException when it does not exist or its node lies outside the scope */
    public RegistrationView get(Scope scope, long id) {
        TitleRegistration registration = registrations.findById(id).orElseThrow(NotFoundException::new);
        return RegistrationView.of(registration, orgUnits.get(scope, registration.getNodeId()).name());
    }

    /**
     * A grassroots unit, a commune or a province in scope: the nodes that have registrations.
     *
     * @throws NotFoundException for any other node, or one outside the scope
     */
    public OrgUnitView registeringNode(Scope scope, long nodeId) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        if (node.level() < 1 || node.level() > 3) {
            throw new NotFoundException();
        }
        return node;
    }

    /** The kinds this user registers at this node (their own, if active): none for anyone else. */
    public List<TitleKind> kindsFor(Staff staff, OrgUnitView node) {
        boolean ownNode = staff.scope().nodeId() == node.id() && node.active();
        boolean registrar = staff.role().level() == node.level();
        return ownNode && registrar ? TitleKind.registeredAtLevel(node.level()) : List.of();
    }

    /**
     * A registration this user keeps (one their role registers, at their own node), to correct or withdraw.
     *
     * @throws NotFoundException     when it does not exist or lies outside the scope
     * @throws AccessDeniedException when it is not theirs to keep
     */
    public RegistrationView getOwn(Staff staff, long id) {
        RegistrationView registration = get(staff.scope(), id);
        if (!owns(staff, registration)) {
            throw new AccessDeniedException("Not this user's registration to change");
        }
        return registration;
    }

    /** Whether this user may correct or withdraw this registration now: theirs to keep, REGISTERED, year open. */
    public boolean canChange(Staff staff, RegistrationView registration) {
        return registration.isRegistered() && owns(staff, registration) && !closing.isClosed(registration.year());
    }

    public boolean isYearClosed(int year) {
        return closing.isClosed(year);
    }

    /**
     * The fields each kind requires, each refused next to its own field with a message that names it the way that
     * kind does ("Hãy nhập họ tên chủ hộ.", "Hãy nhập tên dòng họ."): a family needs its head, address and number
     * of people (1 to 99); a clan its name and representative; a community its name; a learning unit its name and
     * type; a citizen a full name and a birth year from 1900 to this year (Viet Nam's). Every kind needs a year from
     * 2000 to 2100, and at most next year.
     *
     * @throws RuleViolationException with every rule the command breaks
     */
    public void check(RegistrationCommand command) {
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        if (command.kind() == null) {
            rules.add("kind", "registration.kind.required");
            rules.throwIfAny();
        }
        int thisYear = VietnamTime.thisYear(clock);
        number(rules, "year", command.year(), 2000, 2100);
        if (command.year() != null && command.year() <= 2100 && command.year() > thisYear + 1) {
            rules.add("year", "registration.year.future");
        }
        if (blank(command.subjectName())) {
            rules.add("subjectName", "registration.subjectName.required." + command.kind());
        }
        switch (command.kind()) {
            case FAMILY -> {
                if (blank(command.address())) {
                    rules.add("address", "registration.address.required");
                }
                number(rules, "householdSize", command.householdSize(), 1, 99);
            }
            case CLAN -> {
                if (blank(command.representative())) {
                    rules.add("representative", "registration.representative.required");
                }
            }
            case UNIT -> {
                if (command.unitType() == null) {
                    rules.add("unitType", "registration.unitType.required");
                }
            }
            case CITIZEN -> number(rules, "birthYear", command.birthYear(), 1900, thisYear);
            case COMMUNITY, COMMUNE, PROVINCE -> {
                // the name is all a community needs
            }
        }
        rules.throwIfAny();
    }

    /** Messages {@code registration.<field>.required|range}. */
    private static void number(RuleViolationException.Collector rules, String field, Integer value, int min, int max) {
        if (value == null) {
            rules.add(field, "registration." + field + ".required");
        }
        else if (value < min || value > max) {
            rules.add(field, "registration." + field + ".range");
        }
    }

    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }

    @Transactional
    public RegistrationView register(Staff staff, long nodeId, RegistrationCommand command) {
        OrgUnitView node = registeringNode(staff.scope(), nodeId);
        if (command.kind() != null && !kindsFor(staff, node).contains(command.kind())) {
            throw new AccessDeniedException("A " + staff.role() + " does not register " + command.kind() + " here");
        }
        check(command);
        int year = command.year();
        closing.requireOpen(year, "year");
        Subject subject = Subject.of(command);
        long communeId = node.level() == 3 ? node.parentId() : node.id();
        requireUnique(command.kind(), year, node.id(), communeId, subject, null);
        TitleRegistration saved = save(
                TitleRegistration.register(node.id(), year, command.kind(), subject, staff.username(),
                        OffsetDateTime.now(clock)));
        RegistrationView view = RegistrationView.of(saved, node.name());
        audit.record(staff, "CREATE", AUDIT_TYPE, view.id(), node.path(), null, auditState(view));
        return view;
    }

    /** Corrects the subject's fields of a REGISTERED registration (kind, year and node never change). */
    @Transactional
    public RegistrationView update(Staff staff, long id, RegistrationCommand command) {
        Loaded loaded = loadForChange(staff, id, command.version());
        TitleRegistration registration = loaded.registration();
        if (command.kind() != registration.getKind()) {
            throw new IllegalArgumentException("The kind of a registration never changes");
        }
        check(command);
        Subject subject = Subject.of(command);
        requireUnique(registration.getKind(), registration.getYear(), registration.getNodeId(),
                registration.getCommuneId(), subject, id);
        RegistrationView before = RegistrationView.of(registration, loaded.node().name());
        registration.describe(subject, OffsetDateTime.now(clock));
        RegistrationView after = RegistrationView.of(save(registration), loaded.node().name());
        audit.record(staff, "UPDATE", AUDIT_TYPE, id, loaded.node().path(), auditState(before), auditState(after));
        return after;
    }

    /**
     * Withdraws a REGISTERED registration: it stays, marked WITHDRAWN, and no longer counts as registered; the
     * same subject may register again.
     */
    @Transactional
    public RegistrationView withdraw(Staff staff, long id, Long version) {
        Loaded loaded = loadForChange(staff, id, version);
        RegistrationView before = RegistrationView.of(loaded.registration(), loaded.node().name());
        loaded.registration().withdraw(OffsetDateTime.now(clock));
        RegistrationView after = RegistrationView.of(save(loaded.registration()), loaded.node().name());
        audit.record(staff, "WITHDRAW", AUDIT_TYPE, id, loaded.node().path(), auditState(before), auditState(after));
        return after;
    }

    /**
     * A registration the user is about to change: in scope (else 404), theirs to keep (else 403), unchanged since
     * they saw it and still REGISTERED (else the optimistic-lock refusal, 409), of an open year.
     */
    private Loaded loadForChange(Staff staff, long id, Long expectedVersion) {
        TitleRegistration registration = registrations.findById(id).orElseThrow(NotFoundException::new);
        OrgUnitView node = orgUnits.get(staff.scope(), registration.getNodeId());
        RegistrationView view = RegistrationView.of(registration, node.name());
        if (!owns(staff, view)) {
            throw new AccessDeniedException("Not this user's registration to change");
        }
        if (expectedVersion == null || expectedVersion != registration.getVersion()
                || registration.getStatus() != RegistrationStatus.REGISTERED) {
            // changed, evaluated or withdrawn by someone else since the page was shown (or no version came back)
            throw new ObjectOptimisticLockingFailureException(TitleRegistration.class, id);
        }
        closing.requireOpen(registration.getYear(), "year");
        return new Loaded(registration, node);
    }

    private boolean owns(Staff staff, RegistrationView registration) {
        return staff.scope().nodeId() == registration.nodeId() && staff.role() != Role.NATIONAL
                && registration.kind().registeredAt(staff.role().level());
    }

    private void requireUnique(TitleKind kind, int year, long nodeId, long communeId, Subject subject, Long exceptId) {
        if (queries.duplicateExists(kind, year, nodeId, communeId, subject, exceptId)) {
            throw duplicate(kind);
        }
    }

    private static RuleViolationException duplicate(TitleKind kind) {
        return RuleViolationException.of("subjectName", "registration.duplicate." + kind);
    }

    private TitleRegistration save(TitleRegistration registration) {
        try {
            return DatabaseRefusals.translating("year", () -> registrations.saveAndFlush(registration));
        }
        catch (DataIntegrityViolationException ex) {
            // two people registering the same subject at the same moment: the unique index decides
            String message = String.valueOf(ex.getMostSpecificCause().getMessage());
            if (message.contains("title_registration_subject_uq") || message.contains("title_registration_citizen_uq")) {
                throw duplicate(registration.getKind());
            }
            throw ex;
        }
    }

    static Map<String, Object> auditState(RegistrationView r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nodeId", r.nodeId());
        state.put("year", r.year());
        state.put("kind", r.kind());
        state.put("subjectName", r.subject().name());
        putIfPresent(state, "address", r.subject().address());
        putIfPresent(state, "householdSize", r.subject().householdSize());
        putIfPresent(state, "representative", r.subject().representative());
        putIfPresent(state, "unitType", r.subject().unitType());
        putIfPresent(state, "birthYear", r.subject().birthYear());
        state.put("status", r.status());
        putIfPresent(state, "decisionNumber", r.decisionNumber());
        putIfPresent(state, "decisionDate", r.decisionDate() == null ? null : r.decisionDate().toString());
        putIfPresent(state, "recognisingLevel", r.recognisingLevel());
        state.put("version", r.version());
        return state;
    }

    private static void putIfPresent(Map<String, Object> state, String key, Object value) {
        if (value != null) {
            state.put(key, value);
        }
    }

    private record Loaded(TitleRegistration registration, OrgUnitView node) {
    }
}
