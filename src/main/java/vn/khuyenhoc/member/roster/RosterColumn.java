package vn.khuyenhoc.member.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import java.util.Set;
import vn.khuyenhoc.member.Folding;

/**
 * The columns of an imported roster, in the template's order, each with its Vietnamese header and the other
 * headings it is recognised by (compared folded: case, diacritics and punctuation do not matter), so a file keeps
 * working when someone retypes "Ho ten" or "SĐT", or moves the columns around.
 */
public enum RosterColumn {

    FULL_NAME("fullName", "Họ và tên", true, "hovaten", "hoten", "hotenhoivien", "fullname", "name"),
    GENDER("gender", "Giới tính", true, "gioitinh", "gender", "sex"),
    BIRTH("birth", "Năm sinh hoặc ngày sinh", true, "namsinhhoacngaysinh", "namsinh", "ngaysinh", "ngaythangnamsinh",
            "birth", "dateofbirth", "yearofbirth", "yearordateofbirth"),
    ETHNICITY("ethnicity", "Dân tộc", false, "dantoc", "ethnicity", "ethnicgroup"),
    PARTY_MEMBER("partyMember", "Đảng viên", false, "dangvien", "ladangvien", "partymember"),
    PHONE("phone", "Số điện thoại", false, "sodienthoai", "dienthoai", "sdt", "phone", "phonenumber"),
    ADDRESS("address", "Địa chỉ", true, "diachi", "address"),
    JOINED_ON("joinedOn", "Ngày vào Hội", true, "ngayvaohoi", "ngayvaohoingaythangnam", "ngaygianhap", "datejoined",
            "joinedon", "joined");

    private final String field;
    private final String header;
    private final boolean required;
    private final Set<String> keys;

    RosterColumn(String field, String header, boolean required, String... keys) {
        this.field = field;
        this.header = header;
        this.required = required;
        this.keys = Set.of(keys);
    }

    public String field() {
        return field;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    /** A date (or, for birth, a year or a date): a spreadsheet's number in it is a date serial. */
    boolean holdsDates() {
        return this == BIRTH || this == JOINED_ON;
    }

    static Optional<RosterColumn> forHeader(String heading) {
        String key = Folding.fold(heading);
        return Arrays.stream(values()).filter(c -> c.keys.contains(key)).findFirst();
    }

    static Optional<RosterColumn> forField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(RosterColumn::header).toList();
    }
}
