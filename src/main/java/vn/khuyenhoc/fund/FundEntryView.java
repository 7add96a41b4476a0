package vn.khuyenhoc.fund;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * An entry of a fund as pages show it, with the entries it reverses or is reversed by.
 *
 * @param amount            whole VND, negative for a reversal (which keeps the direction of the entry it reverses)
 * @param reversesEntryId   the entry this one reverses, or null
 * @param reversedByEntryId the entry that reverses this one, or null
 * @param entryHash         the entry's link in its fund's hash chain
 * @param centreId          the community learning centre the entry supports, or null (issue 15)
 */
public record FundEntryView(long id, long nodeId, int year, LocalDate entryDate, FundDirection direction,
        FundCategory category, long amount, String counterparty, Integer peopleReached, String voucherNumber,
        String note, Long reversesEntryId, String reversesVoucher, Long reversedByEntryId, String reversedByVoucher,
        String recordedBy, String recordedByName, OffsetDateTime recordedAt, byte[] entryHash, Long centreId,
        String centreName) {

    public boolean isReversal() {
        return reversesEntryId != null;
    }

    public boolean isReversed() {
        return reversedByEntryId != null;
    }

    /** Only an ordinary entry not yet reversed can be reversed, once. */
    public boolean isReversible() {
        return !isReversal() && !isReversed();
    }

    public boolean isReceipt() {
        return direction == FundDirection.RECEIPT;
    }

    /** A donation (an ordinary receipt) gets a printable receipt. */
    public boolean hasPrintableReceipt() {
        return isReceipt() && !isReversal();
    }

    /** What the entry adds to the balance. */
    public long balanceEffect() {
        return isReceipt() ? amount : -amount;
    }

    /** The first 8 bytes of the entry's hash, grouped for reading aloud: printed on receipts ("mã kiểm tra"). */
    public String checkCode() {
        String hex = HexFormat.of().withUpperCase().formatHex(entryHash, 0, 8);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16);
    }
}
