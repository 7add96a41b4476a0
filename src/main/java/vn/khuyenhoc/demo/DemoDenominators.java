package vn.khuyenhoc.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.rollup.PopulationService;
import vn.khuyenhoc.rollup.ProvinceGroupService;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The demo's denominators and groups: the six socio-economic regions ({@code reference/region-groups.csv}), the
 * provinces' populations ({@code demo/province-population.csv}: approximate 2025 figures, demo data, not an official
 * source), and communes' populations made up by sharing each province's among its communes. Years: the current one
 * and the four before it, the population growing ~1% a year. Idempotent: existing figures are kept.
 */
@Component
@Profile("demo")
@Order(2)
class DemoDenominators implements ApplicationRunner {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final int YEARS = 5;

    private final OrgUnitService orgUnits;
    private final PopulationService population;
    private final ProvinceGroupService groups;
    private final Clock clock;
    private final JdbcClient jdbc;

    DemoDenominators(OrgUnitService orgUnits, PopulationService population, ProvinceGroupService groups, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.population = population;
        this.groups = groups;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("SELECT count(*) FROM node_population").query(Long.class).single() > 0) {
            return;
        }
        loadRegions();
        int thisYear = VietnamTime.thisYear(clock);
        for (CSVRecord row : read("demo/province-population.csv")) {
            var province = orgUnits.byOfficialCode(row.get("code")).orElseThrow();
            long base = Long.parseLong(row.get("population_2025"));
            List<Long> communes = jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :p ORDER BY id")
                    .param("p", province.id()).query(Long.class).list();
            // deterministic uneven weights 1..3 so that communes differ
            long[] weights = communes.stream().mapToLong(id -> 1 + Math.floorMod(id * 2654435761L, 3)).toArray();
            long weightSum = java.util.Arrays.stream(weights).sum();
            for (int year = thisYear - YEARS + 1; year <= thisYear; year++) {
                double growth = Math.pow(1.01, year - 2025);
                long total = Math.round(base * growth);
                population.load(province.id(), year, total, Math.round(total / 3.6));
                for (int i = 0; i < communes.size(); i++) {
                    long share = Math.max(1, total * weights[i] / weightSum);
                    population.load(communes.get(i), year, share, Math.round(share / 3.6));
                }
            }
        }
    }

    private void loadRegions() throws IOException {
        Map<String, String[]> names = new LinkedHashMap<>();
        Map<String, List<Long>> members = new LinkedHashMap<>();
        for (CSVRecord row : read("reference/region-groups.csv")) {
            names.putIfAbsent(row.get("group_code"), new String[] {row.get("name_vi"), row.get("name_en")});
            members.computeIfAbsent(row.get("group_code"), k -> new java.util.ArrayList<>())
                    .add(orgUnits.byOfficialCode(row.get("province_code")).orElseThrow().id());
        }
        names.forEach((code, name) -> groups.load(name[0], name[1], members.get(code)));
    }

    private static List<CSVRecord> read(String resource) throws IOException {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return CSV.parse(reader).getRecords();
        }
    }
}
