package vn.khuyenhoc.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import vn.khuyenhoc.shared.VietnamTime;

/**
 * {@code #times} in templates: a moment (a record's saved-at time, an audit entry) shown as Vietnam's wall clock,
 * whatever the server's zone and whatever offset the database driver or Hibernate gave the value. Dates
 * ({@code LocalDate}) have no zone and keep {@code #temporals}.
 * <pre>
 * ${#times.minutes(member.updatedAt)}   30/11/2026 16:22
 * ${#times.seconds(entry.occurredAt)}   30/11/2026 16:22:05
 * ${#times.day(row.updatedAt)}          30/11/2026
 * </pre>
 */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Times TIMES = new Times();

    TimesDialect() {
        super("vietnam-times");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("times");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return TIMES;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The expression object itself. */
    public static final class Times {

        public String minutes(Object moment) {
            return format(moment, MINUTES);
        }

        public String seconds(Object moment) {
            return format(moment, SECONDS);
        }

        public String day(Object moment) {
            return format(moment, DAY);
        }

        static String format(Object moment, DateTimeFormatter format) {
            if (moment == null) {
                return "";
            }
            Instant instant;
            if (moment instanceof OffsetDateTime o) {
                instant = o.toInstant();
            }
            else if (moment instanceof ZonedDateTime z) {
                instant = z.toInstant();
            }
            else if (moment instanceof Instant i) {
                instant = i;
            }
            else {
                throw new IllegalArgumentException("not a moment: " + moment);
            }
            return format.format(instant.atZone(VietnamTime.ZONE));
        }
    }
}
