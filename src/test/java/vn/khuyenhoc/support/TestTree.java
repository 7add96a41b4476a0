package vn.khuyenhoc.support;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.account.StaffUser;
import vn.khuyenhoc.orgunit.GrassrootsUnitForm;
import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * Builds the pieces of the tree a test needs (grassroots units under real communes) and signs in as staff of
 * any node, through the application's own services.
 */
@Component
public class TestTree {

    @Autowired
    private OrgUnitService orgUnits;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transactions;

    public OrgUnitView central() {
        Scope scope = orgUnits.centralScope();
        return orgUnits.get(scope, scope.nodeId());
    }

    /** A province or commune by its official code ("22" Quảng Ninh, "06688" Phường Hạ Long, "01" Hà Nội …). */
    public OrgUnitView unit(String officialCode) {
        return orgUnits.byOfficialCode(officialCode).orElseThrow();
    }

    /** A new chapter with a unique name under the commune of this official code. */
    public OrgUnitView newChapter(String communeCode) {
        OrgUnitView commune = unit(communeCode);
        return transactions.execute(status -> orgUnits.createGrassroots(Staff.system(orgUnits.centralScope()),
                commune.id(), new GrassrootsUnitForm(OrgUnitKind.CHAPTER, "Chi hội thử " + UUID.randomUUID(), null)));
    }

    /**
     * Staff of this node, backed by a real account row (so that audit entries and password changes have a user),
     * with a unique username.
     */
    public Staff staffOf(OrgUnitView node) {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Role role = Role.forLevel(node.level());
        long id = jdbc.sql("""
                INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
                VALUES (:username, :hash, :fullName, :role, :unit) RETURNING id
                """)
                .param("username", username)
                .param("hash", "{noop}secret123")
                .param("fullName", "Người thử " + username)
                .param("role", role.name())
                .param("unit", node.id())
                .query(Long.class).single();
        return new Staff(id, username, role, new Scope(node.id(), node.path(), node.level()));
    }

    /** MockMvc sign-in as this staff member. */
    public static RequestPostProcessor as(Staff staff) {
        return SecurityMockMvcRequestPostProcessors.user(new StaffUser(staff, "Người thử", "{noop}secret123", true));
    }
}
