package vn.khuyenhoc.rollup;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;

/**
 * The dashboard's panel of shares: for each of the six, the denominator and where it comes from ("32 of 54
 * communes" when incomplete), registered and recognised with their shares, the target and where it comes from,
 * whether it is met (in words; the template adds the colour), and how many children reach their own target. Built
 * from the figures already read (no statement of its own).
 */
record SharePanel(List<Line> lines, String minority) {

    /**
     * One share.
     *
     * @param met "met", "notMet" or "unknown": the words and the colour of the badge
     */
    record Line(String key, String denominator, String denominatorSource, String registered, String registeredShare,
            String recognised, String recognisedShare, String target, String targetSource, String met,
            String childrenMet) {
    }

    static SharePanel of(RollupService.Dashboard dashboard, MessageSource messages, Locale locale) {
        NumberFormat integers = NumberFormat.getIntegerInstance(locale);
        NumberFormat percents = NumberFormat.getPercentInstance(locale);
        percents.setMinimumFractionDigits(1);
        percents.setMaximumFractionDigits(1);
        Figures total = dashboard.total();
        int level = dashboard.node().level();
        List<Line> lines = new ArrayList<>();
        for (ShareKind kind : ShareKind.values()) {
            Shares.Denominator d = total.shares().denominators().get(kind);
            Shares.Target t = total.shares().targets().get(kind);
            Double registeredShare = kind.share(total, false);
            Double recognisedShare = kind.share(total, true);
            Boolean met = kind.met(total);
            String source = d == null ? "" : switch (d.source()) {
                case OWN -> messages.getMessage("shares.source.own", null, locale);
                case CHILDREN -> messages.getMessage("shares.source.children." + (level + 1),
                        new Object[] {d.children(), d.children()}, locale);
                case INCOMPLETE -> level >= 2 || d.children() == 0 ? messages.getMessage("shares.source.none", null, locale)
                        : messages.getMessage("shares.source.incomplete." + (level + 1),
                                new Object[] {d.childrenKnown(), d.children()}, locale);
            };
            String targetSource = t == null ? messages.getMessage("shares.target.source.none", null, locale)
                    : t.own() ? messages.getMessage("shares.target.source.own", new Object[] {t.sourceYear()}, locale)
                    : messages.getMessage("shares.target.source.level" + t.sourceLevel(), new Object[] {String.valueOf(t.sourceYear())}, locale);
            lines.add(new Line(kind.key(),
                    d == null || d.value() == null ? "—" : integers.format(d.value()), source,
                    integers.format(kind.count(total, false)), registeredShare == null ? "—" : percents.format(registeredShare),
                    integers.format(kind.count(total, true)), recognisedShare == null ? "—" : percents.format(recognisedShare),
                    t == null ? "—" : percents.format(t.percent().doubleValue() / 100), targetSource,
                    met == null ? "unknown" : met ? "met" : "notMet",
                    level < 2 && d != null ? childrenMet(dashboard, kind, percents, messages, locale, level) : null));
        }
        Double minorityShare = total.minorityShare();
        String minority = messages.getMessage("shares.minority", new Object[] {integers.format(total.shares().minorityMembers()),
                minorityShare == null ? "—" : percents.format(minorityShare)}, locale);
        return new SharePanel(lines, minority);
    }

    /** "23 of 54 communes reach 70 %" (each child against its own target; "their target" when they differ). */
    private static String childrenMet(RollupService.Dashboard dashboard, ShareKind kind, NumberFormat percents,
            MessageSource messages, Locale locale, int level) {
        int met = 0;
        int unknown = 0;
        Double common = null;
        boolean same = true;
        List<RollupService.Row> rows = dashboard.rows().stream().filter(r -> r.node().active()).toList();
        for (RollupService.Row row : rows) {
            Boolean m = kind.met(row.figures());
            if (m == null) {
                unknown++;
            }
            else if (m) {
                met++;
            }
            Double target = kind.target(row.figures());
            if (common == null && same) {
                common = target;
            }
            else if (!Objects.equals(common, target)) {
                same = false;
            }
        }
        String noun = messages.getMessage("shares.children.noun." + (level + 1), null, locale);
        String text = same && common != null
                ? messages.getMessage("shares.childrenMet.at", new Object[] {met, rows.size(), noun, percents.format(common)}, locale)
                : messages.getMessage("shares.childrenMet", new Object[] {met, rows.size(), noun}, locale);
        if (unknown > 0) {
            text += " " + messages.getMessage("shares.childrenMet.unknown", new Object[] {unknown}, locale);
        }
        return text;
    }
}
