package com.frontline.accounts.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "85%|false|0.85|true", "0,85|false|0.85|false", "1,234.5|false|1234.5|false",
            "1.234,5|false|1234.5|false", "1 234|false|1234|false", "1,234|false|1234|false",
            "1,234|true|1.234|false", "1.234|true|1234|false", "$1,200|false|1200|false", "€ 95,50|true|95.5|false",
            "(250)|false|-250|false", "-3.5|false|-3.5|false", "12,5 %|true|0.125|false", "1e3|false|1000|false",
            "1'234.5|false|1234.5|false"})
    void parsesNumbersAsPeopleWriteThem(String text, boolean decimalComma, String expected, boolean percentage) {
        Values.Number number = Values.number(text, decimalComma);
        assertThat(number).isNotNull();
        assertThat(number.value()).isEqualByComparingTo(expected);
        assertThat(number.percentage()).isEqualTo(percentage || text.contains("%"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"n/a", "abc", "1,2,3", "12..5", "--", "1.2.3,4,5", "12abc", "1,23,4"})
    void rejectsText(String text) {
        assertThat(Values.number(text, false)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2025-03-31|2025-03-31", "31/03/2025|2025-03-31", "03/31/2025|2025-03-31",
            "31.03.2025|2025-03-31", "2025-03|2025-03-01", "Mar 2025|2025-03-01", "2025-03-31T10:00:00|2025-03-31",
            "31-Mar-2025|2025-03-31"})
    void parsesDates(String text, LocalDate expected) {
        assertThat(Values.date(text)).isEqualTo(expected);
    }
}
