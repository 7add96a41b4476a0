package vn.khuyenhoc.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;

/**
 * Vietnam's time zone, in which "today" and "this year" are asked everywhere, whatever the server's zone. The one
 * {@link Clock} bean (see {@link TimeConfiguration}) is in this zone; code that asks for today takes that clock
 * (injected, fixed in tests) and calls {@link #today(Clock)} or {@link #thisYear(Clock)}.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static int thisYear(Clock clock) {
        return Year.now(clock.withZone(ZONE)).getValue();
    }
}
