package vn.khuyenhoc.fund;

/**
 * The database's recomputation of a fund's hash chain ({@code fund_verify}).
 *
 * @param entries     the entries of the fund
 * @param firstBroken the chain position (1, 2, …) of the first entry whose content or link no longer matches its
 *                    hash, or null when the whole chain holds
 */
public record FundChainCheck(long entries, Long firstBroken) {

    public boolean intact() {
        return firstBroken == null;
    }
}
