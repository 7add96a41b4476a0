package vn.khuyenhoc.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;

/** Groups of provinces (regions, "the northwestern provinces") that national staff define and compare. */
@Service
@Transactional(readOnly = true)
public class ProvinceGroupService {

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final AuditService audit;

    ProvinceGroupService(JdbcClient jdbc, OrgUnitService orgUnits, AuditService audit) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    public List<ProvinceGroup> all() {
        return jdbc.sql("""
                SELECT g.id, g.name, g.name_en, g.version,
                       coalesce(array_agg(m.province_id ORDER BY m.province_id) FILTER (WHERE m.province_id IS NOT NULL), '{}') AS members
                FROM province_group g LEFT JOIN province_group_member m ON m.group_id = g.id
                GROUP BY g.id ORDER BY g.name
                """)
                .query((rs, n) -> new ProvinceGroup(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
                        List.of((Long[]) rs.getArray("members").getArray()), rs.getLong("version")))
                .list();
    }

    public ProvinceGroup get(Staff staff, long id) {
        requireNational(staff);
        return all().stream().filter(g -> g.id() == id).findFirst().orElseThrow(NotFoundException::new);
    }

    public List<OrgUnitView> provinces(Staff staff) {
        requireNational(staff);
        return orgUnits.activeAtLevel(staff.scope(), 1);
    }

    @Transactional
    public long create(Staff staff, ProvinceGroupForm form) {
        requireNational(staff);
        long id;
        try {
            id = jdbc.sql("INSERT INTO province_group (name, name_en) VALUES (:name, :nameEn) RETURNING id")
                    .param("name", Text.clean(form.name())).param("nameEn", blankToNull(form.nameEn()))
                    .query(Long.class).single();
        }
        catch (DuplicateKeyException ex) {
            throw RuleViolationException.of("name", "group.name.taken");
        }
        setMembers(staff, id, form.provinceIds());
        audit.record(staff, "CREATE", "PROVINCE_GROUP", id, staff.scope().path(), null, state(form));
        return id;
    }

    @Transactional
    public void update(Staff staff, long id, ProvinceGroupForm form) {
        ProvinceGroup before = get(staff, id);
        int updated;
        try {
            updated = jdbc.sql("""
                    UPDATE province_group SET name = :name, name_en = :nameEn, version = version + 1
                    WHERE id = :id AND version = :version
                    """)
                    .param("name", Text.clean(form.name())).param("nameEn", blankToNull(form.nameEn()))
                    .param("id", id).param("version", form.version() == null ? before.version() : form.version())
                    .update();
        }
        catch (DuplicateKeyException ex) {
            throw RuleViolationException.of("name", "group.name.taken");
        }
        if (updated == 0) {
            throw new ObjectOptimisticLockingFailureException("province_group", id);
        }
        jdbc.sql("DELETE FROM province_group_member WHERE group_id = :id").param("id", id).update();
        setMembers(staff, id, form.provinceIds());
        audit.record(staff, "UPDATE", "PROVINCE_GROUP", id, staff.scope().path(),
                Map.of("name", before.name(), "provinceIds", before.provinceIds()), state(form));
    }

    @Transactional
    public void delete(Staff staff, long id) {
        ProvinceGroup before = get(staff, id);
        jdbc.sql("DELETE FROM province_group WHERE id = :id").param("id", id).update();
        audit.record(staff, "DELETE", "PROVINCE_GROUP", id, staff.scope().path(),
                Map.of("name", before.name(), "provinceIds", before.provinceIds()), null);
    }

    /** Loads a group without a user (the demo's six regions); does nothing when the name exists. */
    @Transactional
    public void load(String name, String nameEn, List<Long> provinceIds) {
        Long id = jdbc.sql("""
                INSERT INTO province_group (name, name_en) VALUES (:name, :nameEn)
                ON CONFLICT (lower(name)) DO NOTHING RETURNING id
                """).param("name", name).param("nameEn", nameEn).query(Long.class).optional().orElse(null);
        if (id != null) {
            provinceIds.forEach(p -> jdbc.sql("INSERT INTO province_group_member (group_id, province_id) VALUES (:g, :p)")
                    .param("g", id).param("p", p).update());
        }
    }

    private void setMembers(Staff staff, long groupId, List<Long> provinceIds) {
        for (Long provinceId : provinceIds.stream().distinct().toList()) {
            OrgUnitView province = orgUnits.get(staff.scope(), provinceId);
            if (province.level() != 1) {
                throw RuleViolationException.of("provinceIds", "group.provinces.required");
            }
            jdbc.sql("INSERT INTO province_group_member (group_id, province_id) VALUES (:g, :p)")
                    .param("g", groupId).param("p", provinceId).update();
        }
    }

    private static void requireNational(Staff staff) {
        if (staff.role() != Role.NATIONAL) {
            throw new NotFoundException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : Text.clean(s);
    }

    private static Map<String, Object> state(ProvinceGroupForm form) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", Text.clean(form.name()));
        state.put("provinceIds", form.provinceIds());
        return state;
    }

    public record ProvinceGroup(long id, String name, String nameEn, List<Long> provinceIds, long version) {
    }
}
