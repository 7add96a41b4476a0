package vn.khuyenhoc.generator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator at 1 %: the country's shape (every commune of the 34 provinces has units, ~340,000 members,
 * registrations and fund entries), and roll-ups rebuilt from the records equal to what the triggers keep.
 */
@IntegrationTest
class DatasetGeneratorTest {

    @Autowired
    DatasetGenerator generator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aOnePercentCountryHasTheRightShapeAndExactRollups() {
        long membersBefore = count("SELECT count(*) FROM member");
        Map<String, Double> timings = generator.generate(0.01, 2);
        System.out.println("DatasetGeneratorTest at 1 %: " + timings);

        assertThat(count("""
                SELECT count(*) FROM org_unit c WHERE c.level = 2
                  AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.parent_id = c.id AND u.level = 3)
                """)).isZero();
        // members per unit vary (drawn per unit, not once for all; at 1 % every commune has one unit)
        assertThat(count("SELECT count(DISTINCT n) FROM (SELECT count(*) n FROM member GROUP BY unit_id) u")).isGreaterThan(3);
        long generated = count("SELECT count(*) FROM member") - membersBefore;
        assertThat(generated).isBetween(300_000L, 380_000L);
        assertThat(count("SELECT count(DISTINCT province_id) FROM member")).isEqualTo(34);
        assertThat(count("SELECT count(*) FROM title_registration WHERE created_by = 'generator'")).isGreaterThan(100_000);
        assertThat(count("SELECT count(*) FROM fund_entry WHERE recorded_by = 'generator'")).isGreaterThan(5_000);
        assertThat(count("SELECT count(*) FROM fund_entry WHERE recorded_by = 'generator' AND direction = 'DISBURSEMENT'")).isPositive();
        // loaded without per-row triggers or foreign-key checks, every row is placed as the triggers would place it
        assertThat(count("""
                SELECT count(*) FROM member m LEFT JOIN org_unit u ON u.id = m.unit_id AND u.level = 3
                WHERE u.id IS NULL OR m.commune_id <> u.parent_id OR m.province_id <> u.province_id
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM title_registration r LEFT JOIN org_unit n ON n.id = r.node_id
                WHERE n.id IS NULL
                   OR r.province_id <> n.province_id
                   OR (n.level = 3 AND (r.kind NOT IN ('FAMILY', 'COMMUNITY', 'CITIZEN') OR r.commune_id <> n.parent_id
                                        OR r.recognising_node_id <> n.parent_id))
                   OR (n.level = 2 AND (r.kind NOT IN ('CLAN', 'UNIT', 'COMMUNE') OR r.commune_id <> n.id
                                        OR r.recognising_node_id <> CASE r.kind WHEN 'COMMUNE' THEN n.province_id ELSE n.id END))
                   OR (n.level = 1 AND (r.kind NOT IN ('UNIT', 'PROVINCE') OR r.commune_id <> n.id
                                        OR r.recognising_node_id <> CASE r.kind WHEN 'PROVINCE' THEN n.parent_id ELSE n.id END))
                   OR n.level NOT IN (1, 2, 3)
                """)).isZero();
        // fund entries, loaded without the ledger's trigger, are what it would have written: every fund's hash chain
        // verifies (from the generator's first entry on: in the full suite, a ledger test tampers with an entry of its
        // own on purpose), its head and voucher counters match its entries, and no fund is overdrawn on any day
        assertThat(count("""
                SELECT count(*) FROM fund f CROSS JOIN LATERAL fund_verify(f.node_id) v
                WHERE v.first_broken IS NOT NULL
                  AND v.first_broken >= (SELECT min(e.chain_seq) FROM fund_entry e WHERE e.node_id = f.node_id AND e.recorded_by = 'generator')
                """)).isZero();
        assertThat(count("SELECT count(DISTINCT node_id) FROM fund_entry WHERE recorded_by = 'generator'")).isGreaterThan(3000);
        assertThat(count("""
                SELECT count(*) FROM fund f
                WHERE f.entry_count <> (SELECT count(*) FROM fund_entry e WHERE e.node_id = f.node_id)
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM fund_voucher_counter c
                WHERE c.last_number <> (SELECT max(e.voucher_seq) FROM fund_entry e
                                        WHERE (e.node_id, e.year, e.direction) = (c.node_id, c.year, c.direction))
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM (
                    SELECT sum(sum(balance_effect)) OVER (PARTITION BY node_id ORDER BY entry_date) AS balance
                    FROM fund_entry GROUP BY node_id, entry_date) d
                WHERE d.balance < 0
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM fund_entry e JOIN org_unit n ON n.id = e.node_id
                WHERE e.recorded_by = 'generator' AND (e.province_id <> n.province_id
                   OR e.commune_id <> CASE n.level WHEN 2 THEN n.id ELSE n.parent_id END OR n.level NOT IN (2, 3))
                """)).isZero();
        // and the indexes dropped for the load are all back, the unique ones included
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename IN ('member', 'title_registration')")
                .query(String.class).list()).contains("member_card_number_uq", "member_card_serial_uq", "member_name_trgm_idx",
                        "member_unit_idx", "title_registration_subject_uq", "title_registration_citizen_uq",
                        "title_registration_node_idx");
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'fund_entry'").query(String.class).list())
                .contains("fund_entry_voucher_uq", "fund_entry_chain_uq", "fund_entry_node_date_idx", "fund_entry_node_year_idx");
        // names look Vietnamese: diacritics and the common family names
        assertThat(count("SELECT count(*) FROM member WHERE full_name LIKE 'Nguyễn %'") * 1.0 / generated).isBetween(0.3, 0.46);

        // the structure roll-up the generator rebuilt (its trigger off while the units were created) counts the units
        assertThat(count("SELECT chapters + boards FROM rollup_units WHERE node_id = (SELECT id FROM org_unit WHERE level = 0)"))
                .isEqualTo(count("SELECT count(*) FROM org_unit WHERE level = 3 AND active"));
        // the roll-ups the generator rebuilt equal what the triggers keep: snapshot, rebuild again, compare
        // how much the half-year granularity (issue 13) grows the roll-ups: rows, and rows had they stayed yearly
        jdbc.sql("""
                SELECT 'rollup_members', count(*), count(DISTINCT (node_id, year)) FROM rollup_members
                UNION ALL SELECT 'rollup_titles', count(*), count(DISTINCT (node_id, year, kind)) FROM rollup_titles
                UNION ALL SELECT 'rollup_funds', count(*), count(DISTINCT (node_id, year)) FROM rollup_funds
                UNION ALL SELECT 'rollup_money', count(*), count(DISTINCT (node_id, year, category)) FROM rollup_money
                UNION ALL SELECT 'rollup_money (people only, as rollup_reached was)', count(*) FILTER (WHERE people <> 0),
                                 count(DISTINCT (node_id, year, category)) FILTER (WHERE people <> 0) FROM rollup_money
                UNION ALL SELECT 'rollup_unit_flows', count(*), count(DISTINCT (node_id, year)) FROM rollup_unit_flows
                """).query(rs -> {
                    System.out.printf("DatasetGeneratorTest: %s: %d rows (%d by year)%n", rs.getString(1), rs.getLong(2),
                            rs.getLong(3));
                });
        List<String> before = snapshot();
        jdbc.sql("SELECT rollup_rebuild()").query(Object.class).optional();
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every non-zero roll-up row, as text, in a fixed order. */
    private List<String> snapshot() {
        return jdbc.sql("""
                SELECT 'u' || node_id || ':' || chapters || ',' || boards || ',' || communes_with_association
                FROM rollup_units
                UNION ALL
                SELECT 'm' || node_id || '/' || year || '/' || half || ':' || joined || ',' || departed || ',' || party_joined || ',' || party_departed
                FROM rollup_members WHERE (joined, departed, party_joined, party_departed) <> (0, 0, 0, 0)
                UNION ALL
                SELECT 't' || node_id || '/' || year || '/' || half || '/' || kind || ':' || registered || ',' || recognised
                FROM rollup_titles WHERE (registered, recognised) <> (0, 0)
                UNION ALL
                SELECT 'f' || node_id || '/' || year || '/' || half || ':' || raised || ',' || disbursed
                FROM rollup_funds WHERE (raised, disbursed) <> (0, 0)
                UNION ALL
                SELECT 'k' || node_id || '/' || year || '/' || half || '/' || category || ':' || amount || ',' || people
                FROM rollup_money WHERE (amount, people) <> (0, 0)
                UNION ALL
                SELECT 's' || node_id || '/' || year || '/' || half || ':' || chapters || ',' || boards || ',' || communes
                FROM rollup_unit_flows WHERE (chapters, boards, communes) <> (0, 0, 0)
                ORDER BY 1
                """).query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
