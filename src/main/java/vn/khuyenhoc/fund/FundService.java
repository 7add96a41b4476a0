package vn.khuyenhoc.fund;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.centre.CentreService;
import vn.khuyenhoc.closing.ClosedYears;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.DatabaseRefusals;
import vn.khuyenhoc.shared.KeysetPage;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The education-promotion fund of every node: an append-only ledger in whole VND. Anyone reads the funds of
 * their subtree; a user writes only to the fund of their own node (the node of their account), so that each
 * association answers for its own money. An entry is never changed: a mistake is put right by a reversing entry.
 *
 * <p>Writes are serialised per fund: {@link FundLedger#lock} takes the fund's row lock first, then the balance is
 * checked and the entry appended in the same transaction, so concurrent entries can neither overdraw the fund nor
 * lose or share a voucher number. The database enforces the same rules again for any other writer.
 */
@Service
@Transactional(readOnly = true)
public class FundService {

    static final int PAGE_SIZE = 20;
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private static final String AUDIT_TYPE = "FUND_ENTRY";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final FundLedger ledger;
    private final OrgUnitService orgUnits;
    private final ClosedYears closing;
    private final AuditService audit;
    private final Clock clock;
    private final CentreService centres;

    FundService(FundLedger ledger, OrgUnitService orgUnits, ClosedYears closing, AuditService audit,
            Clock clock, CentreService centres) {
        this.ledger = ledger;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.audit = audit;
        this.clock = clock;
        this.centres = centres;
    }

    /** The learning centres an entry of this node's fund may name (issue 15): those of its subtree. */
    public List<CentreService.CentreOption> centreOptions(OrgUnitView node) {
        return centres.optionsWithin(node);
    }

    /** Today in Viet Nam, wherever the server's clock is set: the default and the latest date of an entry. */
    public LocalDate today() {
        return VietnamTime.today(clock);
    }

    /** A node's fund for a year: balances, totals by category, and a page of its entries. */
    public FundYear year(Staff staff, long nodeId, FundFilter filter) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        int thisYear = today().getYear();
        int year = filter.year() == null || filter.year() < EARLIEST.getYear() || filter.year() > thisYear
                ? thisYear : filter.year();
        long opening = ledger.balanceBefore(node.id(), LocalDate.of(year, 1, 1));

        Map<FundCategory, FundLedger.CategoryTotal> totals = new EnumMap<>(FundCategory.class);
        ledger.totals(node.id(), year).forEach(t -> totals.put(t.category(), t));
        List<Line> receipts = lines(FundDirection.RECEIPT, totals);
        List<Line> disbursements = lines(FundDirection.DISBURSEMENT, totals);
        long raised = receipts.stream().mapToLong(Line::amount).sum();
        long disbursed = disbursements.stream().mapToLong(Line::amount).sum();
        long reached = disbursements.stream().mapToLong(Line::people).sum();

        // the year's entries by category are in its totals (read above): the list's count without a date range
        KeysetPage<FundEntryView> entries = ledger.entries(node.id(), year, filter, PAGE_SIZE);
        entries = filter.hasDates() ? entries.countedUpTo(() -> ledger.countUpToCap(node.id(), year, filter))
                : entries.counted(() -> totals.values().stream().filter(t -> filter.admits(t.category()))
                        .mapToLong(FundLedger.CategoryTotal::entries).sum());

        int firstYear = ledger.firstYear(node.id());
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= Math.min(firstYear == 0 ? thisYear : firstYear, year); y--) {
            years.add(y);
        }
        return new FundYear(node, year, years, opening, receipts, disbursements, raised, disbursed, reached,
                opening + raised - disbursed, entries, isOwn(staff, node),
                closing.isClosed(year));
    }

    private static List<Line> lines(FundDirection direction, Map<FundCategory, FundLedger.CategoryTotal> totals) {
        return Arrays.stream(direction.categories()).map(c -> {
            FundLedger.CategoryTotal t = totals.get(c);
            return t == null ? new Line(c, 0, 0, 0) : new Line(c, t.amount(), t.people(), t.entries());
        }).toList();
    }

    /** An entry of a node's fund; an entry of any other fund answers 404 like a missing one. */
    public FundEntryView entry(Scope scope, long nodeId, long entryId) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        return ledger.find(entryId).filter(e -> e.nodeId() == node.id()).orElseThrow(NotFoundException::new);
    }

    /**
     * The user's own node, when {@code nodeId} is it: the only fund they may write to. Any other node, even one of
     * their subtree, answers 404 for writing.
     */
    public OrgUnitView ownFund(Staff staff, long nodeId) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        if (!isOwn(staff, node)) {
            throw new NotFoundException();
        }
        return node;
    }

    private static boolean isOwn(Staff staff, OrgUnitView node) {
        return node.id() == staff.scope().nodeId();
    }

    /** The voucher number a new entry of this direction dated this year would get now. */
    public String nextVoucher(Staff staff, FundDirection direction) {
        return ledger.nextVoucher(staff.scope().nodeId(), today().getYear(), direction);
    }

    /** The current balance of a node's fund. */
    public long balance(Scope scope, long nodeId) {
        return ledger.balance(orgUnits.get(scope, nodeId).id());
    }

    /** Recomputes the hash chain of a node's fund. */
    public FundChainCheck verify(Scope scope, long nodeId) {
        return ledger.verify(orgUnits.get(scope, nodeId).id());
    }

    /**
     * Records an entry in the fund of the user's own node.
     *
     * @throws RuleViolationException when the entry breaks a rule of the ledger or its date lies in a closed year
     *         (nothing is saved)
     */
    @Transactional
    public FundEntryView record(Staff staff, FundEntryCommand command) {
        OrgUnitView node = orgUnits.get(staff.scope(), staff.scope().nodeId());
        String counterparty = blankToNull(Text.clean(command.counterparty()));
        String note = blankToNull(Text.clean(command.note()));
        check(command, counterparty, note);
        if (command.centreId() != null) {
            if (command.category() != FundCategory.COMMUNITY_LEARNING_CENTRE) {
                throw RuleViolationException.of("centreId", "fund.centre.wrongCategory");
            }
            if (!centres.isWithin(command.centreId(), node)) {
                throw RuleViolationException.of("centreId", "fund.centre.outside");
            }
        }
        closing.requireOpen(command.entryDate().getYear(), "entryDate");

        ledger.lock(node.id());
        if (command.direction() == FundDirection.DISBURSEMENT) {
            requireAvailable(node.id(), command.entryDate(), command.amount(), "amount");
        }
        long id = append(() -> ledger.append(node.id(), command.entryDate(), command.direction(), command.category(),
                command.amount(), counterparty, command.peopleReached(), note, null, recorder(staff),
                staff.username(), command.centreId()));
        FundEntryView entry = ledger.find(id).orElseThrow();
        audit.record(staff, "CREATE", AUDIT_TYPE, id, node.path(), null, auditState(entry));
        return entry;
    }

    /**
     * Reverses an entry of the user's own fund: a new entry with the same direction, category and counterparty and
     * the opposite amount (and people reached), dated {@code date}, giving {@code reason}. An entry is reversed at
     * most once, and a reversal is never reversed itself.
     */
    @Transactional
    public FundEntryView reverse(Staff staff, long entryId, LocalDate date, String reason) {
        OrgUnitView node = orgUnits.get(staff.scope(), staff.scope().nodeId());
        String why = blankToNull(Text.clean(reason));
        ledger.lock(node.id());
        // read after taking the lock: a reversal committed a moment ago is seen
        FundEntryView original = ledger.find(entryId).filter(e -> e.nodeId() == node.id())
                .orElseThrow(NotFoundException::new);
        if (original.isReversal()) {
            throw RuleViolationException.of(null, "fund.reverse.isReversal", original.voucherNumber());
        }
        if (original.isReversed()) {
            throw RuleViolationException.of(null, "fund.reverse.already", original.voucherNumber(),
                    original.reversedByVoucher());
        }
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        if (why == null) {
            rules.add("reason", "fund.reason.required");
        }
        else if (why.length() > 500) {
            rules.add("reason", "fund.note.size");
        }
        checkDate(rules, date);
        if (date != null && date.isBefore(original.entryDate())) {
            rules.add("entryDate", "fund.reverse.beforeOriginal", original.entryDate().format(DATE));
        }
        rules.throwIfAny();
        closing.requireOpen(date.getYear(), "entryDate");
        if (original.direction() == FundDirection.RECEIPT) {
            // taking a receipt back lowers the balance like a disbursement
            requireAvailable(node.id(), date, original.amount(), null);
        }
        long id = append(() -> ledger.append(node.id(), date, original.direction(), original.category(),
                -original.amount(), original.counterparty(),
                original.peopleReached() == null ? null : -original.peopleReached(), why, original.id(),
                recorder(staff), staff.username(), original.centreId()));
        FundEntryView reversal = ledger.find(id).orElseThrow();
        audit.record(staff, "REVERSE", AUDIT_TYPE, id, node.path(), auditState(original), auditState(reversal));
        return reversal;
    }

    private void check(FundEntryCommand command, String counterparty, String note) {
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        FundCategory category = command.category();
        if (command.direction() == null) {
            rules.add("direction", "fund.direction.required");
        }
        if (category == null) {
            rules.add("category", "fund.category.required");
        }
        else if (category.direction() != command.direction()) {
            rules.add("category", "fund.category.wrongDirection");
        }
        if (command.amount() <= 0) {
            rules.add("amount", "fund.amount.zero");
        }
        else if (command.amount() > VndAmount.MAX) {
            rules.add("amount", "fund.amount.tooLarge");
        }
        checkDate(rules, command.entryDate());
        Integer people = command.peopleReached();
        if (category != null) {
            if (category.reach() == FundCategory.Reach.REQUIRED && people == null) {
                rules.add("peopleReached", "fund.peopleReached.required");
            }
            if (category.reach() == FundCategory.Reach.NONE && people != null) {
                rules.add("peopleReached", "fund.peopleReached.notApplicable");
            }
        }
        if (people != null && (people < 1 || people > 1_000_000)) {
            rules.add("peopleReached", "fund.peopleReached.range");
        }
        if (command.direction() == FundDirection.DISBURSEMENT && counterparty == null) {
            rules.add("counterparty", "fund.counterparty.required");
        }
        if (counterparty != null && counterparty.length() > 200) {
            rules.add("counterparty", "fund.counterparty.size");
        }
        if (note != null && note.length() > 500) {
            rules.add("note", "fund.note.size");
        }
        rules.throwIfAny();
    }

    private void checkDate(RuleViolationException.Collector rules, LocalDate date) {
        if (date == null) {
            rules.add("entryDate", "fund.entryDate.required");
        }
        else if (date.isAfter(today())) {
            rules.add("entryDate", "fund.entryDate.future");
        }
        else if (date.isBefore(EARLIEST)) {
            rules.add("entryDate", "fund.entryDate.tooEarly");
        }
    }

    /** @param field the form field the refusal is shown next to (null: the form as a whole) */
    private void requireAvailable(long nodeId, LocalDate date, long amount, String field) {
        long available = ledger.available(nodeId, date);
        if (amount > available) {
            throw RuleViolationException.of(field, "fund.amount.overdraft", Math.max(0, available));
        }
    }

    /** The database's own refusals, should one get past the checks above, as the same messages. */
    private static long append(Supplier<Long> insert) {
        return DatabaseRefusals.translating("entryDate", insert);
    }

    private static Long recorder(Staff staff) {
        return staff.isSystem() ? null : staff.userId();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Map<String, Object> auditState(FundEntryView e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("voucherNumber", e.voucherNumber());
        state.put("entryDate", e.entryDate().toString());
        state.put("direction", e.direction());
        state.put("category", e.category());
        state.put("amount", e.amount());
        state.put("counterparty", e.counterparty());
        state.put("peopleReached", e.peopleReached());
        state.put("note", e.note());
        if (e.centreId() != null) {
            state.put("centreId", e.centreId());
            state.put("centre", e.centreName());
        }
        if (e.isReversal()) {
            state.put("reversesEntryId", e.reversesEntryId());
            state.put("reversesVoucher", e.reversesVoucher());
        }
        if (e.isReversed()) {
            state.put("reversedByVoucher", e.reversedByVoucher());
        }
        return state;
    }

    /** A node's fund in a year. {@code canRecord}: the fund is the user's own, so they may write to it. */
    public record FundYear(OrgUnitView node, int year, List<Integer> years, long opening, List<Line> receipts,
            List<Line> disbursements, long raised, long disbursed, long peopleReached, long closing,
            KeysetPage<FundEntryView> entries, boolean canRecord, boolean yearClosed) {
    }

    /** One category's figures in a year: net amount (reversals subtracted), people reached, entries. */
    public record Line(FundCategory category, long amount, long people, long entries) {
    }
}
