package vn.khuyenhoc.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The confirmation shown on the page a successful POST redirects to (the layout renders it). */
public final class Notices {

    private Notices() {
    }

    /** Shows the message {@code code}, with {@code arg} as its {0}, on the next page. */
    public static void flash(RedirectAttributes flash, String code, Object arg) {
        flash.addFlashAttribute("notice", code);
        if (arg != null) {
            flash.addFlashAttribute("noticeArg", arg);
        }
    }

    public static void flash(RedirectAttributes flash, String code) {
        flash(flash, code, null);
    }
}
