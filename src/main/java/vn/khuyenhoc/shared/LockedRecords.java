package vn.khuyenhoc.shared;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one translator from the database's refusal of a change to records whose yearly report is submitted or approved
 * ({@code require_unlocked}, SQLSTATE {@value #SQLSTATE}) to words beside a form field: "Phường Hạ Long's 2026
 * report was submitted on 02/12/2026 …". Every form that writes dated records (members, registrations and their
 * evaluation, fund entries, populations) passes its save's failure through {@link #refusal}. The database's message
 * carries the state, date and node after {@code report_locked }, so no second query is needed.
 */
public final class LockedRecords {

    public static final String SQLSTATE = "KH120";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LockedRecords() {
    }

    /** Whether this failure (or one of its causes) is the database's report lock. */
    public static boolean isLocked(Throwable failure) {
        return lockException(failure) != null;
    }

    /**
     * The refusal to show beside {@code field} (null: the form as a whole) when this failure is the report lock:
     * message {@code report.locked.<level>.<state>} with the year, the node's name and the date of submission.
     */
    public static Optional<RuleViolationException> refusal(Throwable failure, String field) {
        SQLException sql = lockException(failure);
        if (sql == null) {
            return Optional.empty();
        }
        Map<String, String> facts = facts(sql.getMessage());
        String date = facts.getOrDefault("on", "");
        try {
            date = LocalDate.parse(date).format(DAY);
        }
        catch (RuntimeException ignored) {
            // the text as given
        }
        String level = "1".equals(facts.get("level")) ? "province" : "commune";
        String state = "APPROVED".equals(facts.get("state")) ? "approved" : "submitted";
        return Optional.of(RuleViolationException.of(field, "report.locked." + level + "." + state,
                facts.getOrDefault("year", ""), facts.getOrDefault("name", ""), date));
    }

    /** Throws the refusal when this failure is the report lock; returns otherwise. */
    public static void rethrowAsRefusal(Throwable failure, String field) {
        Optional<RuleViolationException> refusal = refusal(failure, field);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    private static SQLException lockException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** "… report_locked year=2026;state=SUBMITTED;on=2026-12-02;node=6978;level=2;type=phuong;name=Hạ Long\n …" */
    static Map<String, String> facts(String message) {
        Map<String, String> facts = new HashMap<>();
        if (message == null) {
            return facts;
        }
        int start = message.indexOf("report_locked ");
        if (start < 0) {
            return facts;
        }
        String line = message.substring(start + "report_locked ".length()).lines().findFirst().orElse("");
        int nameAt = line.indexOf(";name=");
        if (nameAt >= 0) {
            facts.put("name", line.substring(nameAt + ";name=".length()).strip());
            line = line.substring(0, nameAt);
        }
        for (String pair : line.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                facts.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return facts;
    }
}
