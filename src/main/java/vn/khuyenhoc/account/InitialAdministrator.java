package vn.khuyenhoc.account;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.orgunit.OrgUnitService;

/**
 * A production database starts with no account at all: the first national administrator comes from
 * {@code KHUYENHOC_ADMIN_USERNAME} / {@code KHUYENHOC_ADMIN_PASSWORD}, only while no national account exists.
 */
@Component
@Order(0)
class InitialAdministrator implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(InitialAdministrator.class);

    private final AccountService accounts;
    private final OrgUnitService orgUnits;
    private final String username;
    private final String password;

    InitialAdministrator(AccountService accounts, OrgUnitService orgUnits,
            @Value("${khuyenhoc.admin.username:}") String username,
            @Value("${khuyenhoc.admin.password:}") String password) {
        this.accounts = accounts;
        this.orgUnits = orgUnits;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyNationalAccount()) {
            return;
        }
        if (username.isBlank() || password.length() < PasswordPolicy.MIN_LENGTH) {
            log.warn("No national account exists yet. Set KHUYENHOC_ADMIN_USERNAME and KHUYENHOC_ADMIN_PASSWORD "
                    + "(12 characters or more) to create the first one.");
            return;
        }
        var central = orgUnits.get(orgUnits.centralScope(), orgUnits.centralScope().nodeId());
        accounts.createIfAbsent(username, password, "Quản trị Trung ương", central);
        log.info("Created the first national account '" + username + "'.");
    }
}
