package vn.khuyenhoc.fund;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.khuyenhoc.fund.VndAmount.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people in Viet Nam type them, and every way of getting one wrong. */
class VndAmountTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.500.000        | 1500000",
            "1500000          | 1500000",
            "1 500 000        | 1500000",
            "1,500,000        | 1500000",
            "  1.500.000  ₫   | 1500000",
            "1.500.000đ       | 1500000",
            "1.500.000 đồng   | 1500000",
            "1.500.000 VND    | 1500000",
            "1.500.000 vnđ    | 1500000",
            "500              | 500",
            "1.000            | 1000",
            "12.345.678.901   | 12345678901",
            "0500000          | 500000",
            "1                | 1",
            "1.000.000.000.000| 1000000000000",
    })
    void readsWholeDongWrittenTheLocalWays(String typed, long expected) {
        assertThat(VndAmount.parse(typed)).isEqualTo(new VndAmount.Parsed(expected, null));
    }

    @Test
    void readsNonBreakingAndNarrowSpacesAsGroupSeparators() {
        assertThat(VndAmount.parse("1\u00A0500\u00A0000").value()).isEqualTo(1_500_000L);
        assertThat(VndAmount.parse("1\u202F500\u202F000").value()).isEqualTo(1_500_000L);
        assertThat(VndAmount.parse("1   500 000").value()).isEqualTo(1_500_000L); // runs of spaces fold to one
    }

    @Test
    void readsDecomposedDiacriticsFromPhoneKeyboards() {
        // "đồng" with the circumflex and the grave accent typed as combining marks
        assertThat(VndAmount.parse("2.000.000 \u0111o\u0302\u0300ng").value()).isEqualTo(2_000_000L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void anEmptyAmountIsRequired(String typed) {
        assertThat(VndAmount.parse(typed).problem()).isEqualTo(Problem.REQUIRED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,5                 | DECIMAL",
            "1.5                 | DECIMAL",
            "1500000,50          | DECIMAL",
            "1.500.000,5         | DECIMAL",
            "1,500,000.00        | DECIMAL",
            "0                   | ZERO",
            "000                 | ZERO",
            "0.000               | ZERO",
            "-0                  | ZERO",
            "-1.500.000          | NEGATIVE",
            "−500                | NEGATIVE",
            "-1,5                | NEGATIVE",
            "1.000.000.000.001   | TOO_LARGE",
            "99999999999999999999999 | TOO_LARGE",
            "9.223.372.036.854.775.808 | TOO_LARGE",
            "abc                 | FORMAT",
            "1.500.000 USD       | FORMAT",
            "1.50.000            | FORMAT",
            "1.500 000           | FORMAT",
            "1..500              | FORMAT",
            "12.3456             | FORMAT",
            "1e6                 | FORMAT",
            "+1500               | FORMAT",
            "₫                   | FORMAT",
            "-                   | FORMAT",
            "một triệu           | FORMAT",
            "1.500.000-          | FORMAT",
    })
    void tellsWhatIsWrong(String typed, Problem problem) {
        VndAmount.Parsed parsed = VndAmount.parse(typed);
        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(parsed.value()).isNull();
        assertThat(parsed.isValid()).isFalse();
    }

    @Test
    void everyProblemHasAMessageKey() {
        assertThat(Problem.TOO_LARGE.messageKey()).isEqualTo("fund.amount.tooLarge");
        assertThat(Problem.DECIMAL.messageKey()).isEqualTo("fund.amount.decimal");
    }
}
