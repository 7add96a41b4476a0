package vn.khuyenhoc.fund;

/** Money in (phiếu thu, vouchers PT-…) or money out (phiếu chi, vouchers PC-…). */
public enum FundDirection {

    RECEIPT("PT"), DISBURSEMENT("PC");

    private final String voucherPrefix;

    FundDirection(String voucherPrefix) {
        this.voucherPrefix = voucherPrefix;
    }

    /** The prefix of this direction's voucher numbers; the database assigns the numbers themselves. */
    public String voucherPrefix() {
        return voucherPrefix;
    }

    public FundCategory[] categories() {
        return FundCategory.of(this);
    }
}
