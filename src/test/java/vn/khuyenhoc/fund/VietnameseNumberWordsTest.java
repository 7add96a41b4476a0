package vn.khuyenhoc.fund;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers in Vietnamese words, as accounting documents write them. */
class VietnameseNumberWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | không",
            "1 | một",
            "5 | năm",
            "10 | mười",
            "11 | mười một",
            "14 | mười bốn",
            "15 | mười lăm",
            "20 | hai mươi",
            "21 | hai mươi mốt",
            "24 | hai mươi bốn",
            "25 | hai mươi lăm",
            "55 | năm mươi lăm",
            "99 | chín mươi chín",
            "100 | một trăm",
            "101 | một trăm linh một",
            "105 | một trăm linh năm",
            "110 | một trăm mười",
            "111 | một trăm mười một",
            "115 | một trăm mười lăm",
            "121 | một trăm hai mươi mốt",
            "999 | chín trăm chín mươi chín",
            "1000 | một nghìn",
            "1001 | một nghìn không trăm linh một",
            "1010 | một nghìn không trăm mười",
            "1015 | một nghìn không trăm mười lăm",
            "1100 | một nghìn một trăm",
            "10000 | mười nghìn",
            "15000 | mười lăm nghìn",
            "21000 | hai mươi mốt nghìn",
            "100000 | một trăm nghìn",
            "500000 | năm trăm nghìn",
            "1000000 | một triệu",
            "1500000 | một triệu năm trăm nghìn",
            "1050000 | một triệu không trăm năm mươi nghìn",
            "1000500 | một triệu năm trăm",
            "1000005 | một triệu không trăm linh năm",
            "2500000 | hai triệu năm trăm nghìn",
            "12600000 | mười hai triệu sáu trăm nghìn",
            "50000000 | năm mươi triệu",
            "1000000000 | một tỷ",
            "2000000005 | hai tỷ không trăm linh năm",
            "1250000000 | một tỷ hai trăm năm mươi triệu",
            "12345678901 | mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một",
            "1000000000000 | một nghìn tỷ",
            "1000500000000 | một nghìn tỷ năm trăm triệu",
            "1000000000000000000 | một tỷ tỷ",
    })
    void writesNumbersTheWayVouchersDo(long n, String words) {
        assertThat(VietnameseNumberWords.toWords(n)).isEqualTo(words);
    }

    @Test
    void writesTheLargestLong() {
        assertThat(VietnameseNumberWords.toWords(Long.MAX_VALUE)).isEqualTo(
                "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ "
                        + "tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy");
    }

    @Test
    void writesAnAmountAsOnAReceipt() {
        assertThat(VietnameseNumberWords.amountInWords(1_500_000)).isEqualTo("Một triệu năm trăm nghìn đồng");
        assertThat(VietnameseNumberWords.amountInWords(0)).isEqualTo("Không đồng");
        assertThat(VietnameseNumberWords.amountInWords(50_000_000)).isEqualTo("Năm mươi triệu đồng");
    }

    @Test
    void refusesNegativeNumbers() {
        assertThatThrownBy(() -> VietnameseNumberWords.toWords(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
