package com.frontline.tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class BrandColorsTest {

    @ParameterizedTest
    @CsvSource({
            "#ABC, #aabbcc",
            "#abc, #aabbcc",
            "#1A73E8, #1a73e8",
            "#1a73e8, #1a73e8",
            "1A73E8, #1a73e8",
            "000000, #000000",
    })
    void normalisesHexCodesToLowercaseSixDigits(String input, String expected) {
        assertThat(BrandColors.normalize(input)).contains(expected);
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(BrandColors.normalize("  #FfF \n")).contains("#ffffff");
        assertThat(BrandColors.normalize("\t1a73e8 ")).contains("#1a73e8");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "#", "#ab", "#abcd", "#abcde", "#1a73e8ff", "1a73e8ff", "abc", "##abc", "#ggg",
            "red", "rgb(0, 0, 0)", "# abc", "#a bc", "#１２３", "0x1a73e8", "#1a73e8;"})
    void rejectsAnythingElse(String input) {
        assertThat(BrandColors.normalize(input)).isEmpty();
        assertThat(BrandColors.validate(input)).contains("Enter the brand colour as a hex code such as #1a73e8.");
    }

    @Test
    void validateAcceptsWhatNormalizeAccepts() {
        assertThat(BrandColors.validate("#ABC")).isEmpty();
    }

    @Test
    void blackOnWhiteHasTheMaximumContrastRatio() {
        assertThat(BrandColors.contrastRatio("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
    }

    @Test
    void aColourAgainstItselfHasRatioOne() {
        assertThat(BrandColors.contrastRatio("#1a73e8", "#1A73E8")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void contrastRatioIsSymmetric() {
        assertThat(BrandColors.contrastRatio("#ffcc00", "#111827"))
                .isCloseTo(BrandColors.contrastRatio("#111827", "#ffcc00"), within(1e-12));
    }

    @Test
    void matchesPublishedContrastRatios() {
        // Values as reported by the WebAIM contrast checker.
        assertThat(BrandColors.contrastRatio("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
        assertThat(BrandColors.contrastRatio("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
    }

    @ParameterizedTest
    @CsvSource({
            "#ffffff, #111827",
            "#000000, #ffffff",
            "#1a73e8, #ffffff",
            "#ffcc00, #111827",
            "#ff0000, #111827",
            "#00ff00, #111827",
            "#0000ff, #ffffff",
            "#7c3aed, #ffffff",
            "#fff, #111827",
    })
    void picksTheTextColourWithBetterContrast(String brand, String text) {
        assertThat(BrandColors.contrastText(brand)).isEqualTo(text);
    }

    @Test
    void chosenTextColourNeverHasLowerContrastThanTheOther() {
        for (int rgb = 0; rgb <= 0xffffff; rgb += 0x010305) {
            String brand = String.format("#%06x", rgb);
            String chosen = BrandColors.contrastText(brand);
            String other = chosen.equals(BrandColors.WHITE) ? BrandColors.DARK : BrandColors.WHITE;
            assertThat(BrandColors.contrastRatio(brand, chosen))
                    .as(brand).isGreaterThanOrEqualTo(BrandColors.contrastRatio(brand, other));
        }
    }

    @Test
    void refusesToComputeContrastForInvalidColours() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrandColors.contrastText("blue"));
        assertThatIllegalArgumentException().isThrownBy(() -> BrandColors.contrastRatio("#fff", "#12"));
    }
}
