package vn.khuyenhoc.closing;

import vn.khuyenhoc.shared.RuleViolationException;

/**
 * A condition another feature puts on closing a year (the yearly reports: every province's accepted). Closing asks
 * every such check before it closes, without knowing the features that provide them.
 */
public interface YearClosingCheck {

    /** @throws RuleViolationException on the field {@code year} when the year may not be closed yet */
    void requireClosable(int year);
}
