package vn.khuyenhoc.demo;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.generator.DatasetGenerator;
import vn.khuyenhoc.orgunit.OrgUnitService;

/**
 * The rest of the country around the demo commune: the data set generator at a small scale (by default 0.001:
 * a few thousand grassroots units, about 34,000 members, registrations and fund entries in every province), so
 * that a newcomer's first national dashboard looks like the country's instead of 33 provinces at zero. The demo
 * commune itself is left to the other demo loaders. Runs last, once (not when the generator has run before), and
 * only on a superuser connection, which the generator needs (the embedded database of the dev profile is one).
 */
@Component
@Profile("demo")
@Order(10)
class DemoCountry implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoCountry.class);

    private final DatasetGenerator generator;
    private final OrgUnitService orgUnits;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoCountry(DatasetGenerator generator, OrgUnitService orgUnits, JdbcClient jdbc, Environment environment) {
        this.generator = generator;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        double scale = environment.getProperty("khuyenhoc.demo.country-scale", Double.class, 0.001);
        if (scale <= 0 || jdbc.sql("SELECT EXISTS (SELECT 1 FROM member WHERE province_id <> "
                + "(SELECT id FROM org_unit WHERE level = 1 AND code = :province))")
                .param("province", DemoData.PROVINCE_CODE).query(Boolean.class).single()) {
            return;
        }
        if (!jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single()) {
            log.info("Demo: not a superuser connection, so no generated data set around the demo commune.");
            return;
        }
        long commune = orgUnits.byOfficialCode(DemoData.COMMUNE_CODE).orElseThrow().id();
        long start = System.nanoTime();
        generator.generate(scale, 2, List.of(commune));
        log.info("Demo: a data set at scale " + scale + " generated across every province in "
                + (System.nanoTime() - start) / 1_000_000 + " ms.");
    }
}
