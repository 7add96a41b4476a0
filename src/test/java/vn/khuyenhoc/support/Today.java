package vn.khuyenhoc.support;

import java.time.Clock;
import java.time.LocalDate;

import vn.khuyenhoc.shared.VietnamTime;

/** Today as the application sees it (Viet Nam's date, whatever the test machine's zone), for test data. */
public final class Today {

    private Today() {
    }

    public static LocalDate inVietnam() {
        return VietnamTime.today(Clock.systemUTC());
    }
}
