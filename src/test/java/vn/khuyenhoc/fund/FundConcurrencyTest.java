package vn.khuyenhoc.fund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people writing to one fund at the same moment, through the service from two threads (each call its own
 * transaction, as two requests would be): no entry is lost, no voucher number is given twice or skipped, and
 * disbursements together never take the fund below zero.
 */
@IntegrationTest
class FundConcurrencyTest {

    @Autowired
    TestTree tree;

    @Autowired
    FundService funds;

    @Autowired
    FundFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoThreadsRecording100EntriesEachGive200EntriesWith200DistinctVoucherNumbers() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        LocalDate today = Today.inVietnam();

        List<List<String>> vouchers = inTwoThreads(thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                mine.add(fixture.receipt(secretary, 10_000L * thread + i, today).voucherNumber());
            }
            return mine;
        });

        List<String> all = vouchers.stream().flatMap(List::stream).toList();
        int year = today.getYear();
        assertThat(all).hasSize(200).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 200)
                        .mapToObj(n -> String.format("PT-%d-%04d", year, n)).toList());
        assertThat(fixture.entries(chapter.id())).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(DISTINCT voucher_number) FROM fund_entry WHERE node_id = :n")
                .param("n", chapter.id()).query(Long.class).single()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT last_number FROM fund_voucher_counter WHERE node_id = :n AND direction = 'RECEIPT'")
                .param("n", chapter.id()).query(Integer.class).single()).isEqualTo(200);
        long expected = IntStream.rangeClosed(1, 100).mapToLong(i -> 10_000L + i + 20_000L + i).sum();
        assertThat(funds.balance(secretary.scope(), chapter.id())).isEqualTo(expected);
        assertThat(funds.verify(secretary.scope(), chapter.id())).isEqualTo(new FundChainCheck(200, null));
    }

    @Test
    void concurrentDisbursementsNeverOverdrawTheFund() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        LocalDate today = Today.inVietnam();
        fixture.receipt(secretary, 1_000_000, today);

        // 200 attempts of 10.000 ₫ against 1.000.000 ₫: exactly 100 can be paid
        List<List<String>> outcomes = inTwoThreads(thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                try {
                    mine.add(fixture.scholarship(secretary, 10_000, today).voucherNumber());
                }
                catch (RuleViolationException refused) {
                    assertThat(refused.violations()).extracting(RuleViolationException.Violation::code)
                            .containsExactly("fund.amount.overdraft");
                    mine.add("refused");
                }
            }
            return mine;
        });

        List<String> all = outcomes.stream().flatMap(List::stream).toList();
        assertThat(all.stream().filter("refused"::equals)).hasSize(100);
        assertThat(all.stream().filter(v -> !v.equals("refused"))).hasSize(100).doesNotHaveDuplicates();
        assertThat(fixture.balance(chapter.id())).isZero();
        // never below zero on any day, and the disbursement vouchers are PC-…-0001 to 0100 without a gap
        assertThat(jdbc.sql("SELECT fund_available(:n, :d)").param("n", chapter.id()).param("d", today)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT max(voucher_seq) FROM fund_entry WHERE node_id = :n AND direction = 'DISBURSEMENT'")
                .param("n", chapter.id()).query(Integer.class).single()).isEqualTo(100);
    }

    interface Work {
        List<String> run(int thread) throws Exception;
    }

    /** Runs the work in two threads started together; returns what each returned. */
    private static List<List<String>> inTwoThreads(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int thread = 1; thread <= 2; thread++) {
                int t = thread;
                Callable<List<String>> task = () -> {
                    start.await();
                    return work.run(t);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<List<String>> results = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
