package vn.khuyenhoc.member;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/** Members made through the service, as a unit's secretary would, for tests that need some to exist. */
@Component
public class MemberFixtures {

    @Autowired
    MemberService members;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    public MemberView add(OrgUnitView unit, String fullName) {
        return add(unit, fullName, Gender.MALE, LocalDate.of(2019, 3, 15), false);
    }

    public MemberView add(OrgUnitView unit, String fullName, Gender gender, LocalDate joinedOn, boolean partyMember) {
        MemberData data = new MemberData(fullName, gender, 1975, null, Ethnicity.KINH, partyMember, "0912345678",
                "Tổ 3, Khu 1", joinedOn);
        return transactions.execute(s -> members.add(secretary(unit), unit.id(), data));
    }

    /** A secretary of the unit as services see one (the audit entries need no account row). */
    public static Staff secretary(OrgUnitView unit) {
        return new Staff(0, "system", Role.CHAPTER, new Scope(unit.id(), unit.path(), 3));
    }

    public long count(String where, Object... params) {
        var spec = jdbc.sql("SELECT count(*) FROM member WHERE " + where);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Long.class).single();
    }
}
