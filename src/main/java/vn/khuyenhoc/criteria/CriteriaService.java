package vn.khuyenhoc.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Staff;

/**
 * The criteria sets by which titles are recognised (V60): everyone reads them (with their sources), national staff
 * keep them. Keeping a set never changes a version: saving writes the next version of the set of that kind and
 * from-year, so that an evaluation's set stays as it was (the database refuses to change a used one anyway).
 */
@Service
@Transactional(readOnly = true)
public class CriteriaService {

    static final String AUDIT_TYPE = "CRITERIA_SET";

    private final CriteriaQueries queries;
    private final AuditService audit;
    private final OrgUnitService orgUnits;

    CriteriaService(CriteriaQueries queries, AuditService audit, OrgUnitService orgUnits) {
        this.queries = queries;
        this.audit = audit;
        this.orgUnits = orgUnits;
    }

    /** Every version of every set, newest first within a kind. */
    public List<CriteriaSetView> all() {
        return queries.all();
    }

    /** @throws NotFoundException when there is no such version */
    public CriteriaSetView get(long id) {
        return queries.get(id).orElseThrow(NotFoundException::new);
    }

    /** The set in force for a kind and year, complete or not. */
    public Optional<CriteriaSetView> inForce(TitleKind kind, int year) {
        return queries.inForce(kind.name(), year);
    }

    /** The set in force for a kind and year if it can score (complete). */
    public Optional<CriteriaSetView> scoring(TitleKind kind, int year) {
        return inForce(kind, year).filter(CriteriaSetView::complete);
    }

    /** @throws AccessDeniedException unless national staff */
    public void requireKeeper(Staff staff) {
        if (staff.role() != Role.NATIONAL) {
            throw new AccessDeniedException("National staff keep the criteria sets");
        }
    }

    /** Saves the next version of the set of the command's kind and from-year (version 1 of a new one). */
    @Transactional
    public CriteriaSetView save(Staff staff, CriteriaCommand command) {
        requireKeeper(staff);
        int version = queries.nextVersion(command.kind(), command.fromYear());
        long id = queries.insert(command, version, staff.username());
        CriteriaSetView saved = get(id);
        audit.record(staff, version == 1 ? "CREATE" : "NEW_VERSION", AUDIT_TYPE, id, orgUnits.centralScope().path(),
                null, auditState(saved));
        return saved;
    }

    private static Map<String, Object> auditState(CriteriaSetView set) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", set.kind());
        state.put("fromYear", set.fromYear());
        state.put("toYear", set.toYear());
        state.put("version", set.version());
        state.put("name", set.name());
        state.put("minTotal", set.minTotal());
        state.put("criteria", set.criteria().stream()
                .map(c -> c.position() + ". " + c.name() + " (" + c.maxPoints() + ", min " + c.minPoints() + ")").toList());
        state.put("grades", set.grades().stream().map(g -> g.name() + " ≥ " + g.minTotal()).toList());
        return state;
    }
}
