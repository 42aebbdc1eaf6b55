package com.frontline.shared.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jane.doe@example.com", "JANE_DOE+orders@mail.example.co.uk", "j@ex-ample.org", "first.last@sub.domain.io"
    })
    void emailAddressesInEveryUsualShapeAreReplaced(String address) {
        assertThat(PersonalData.redact("Write to " + address + ", thanks."))
                .isEqualTo("Write to [email], thanks.");
    }

    @Test
    void emailAtTheEndOfASentenceKeepsTheFullStop() {
        assertThat(PersonalData.redact("Mail me at bob@example.com.")).isEqualTo("Mail me at [email].");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+1 650-253-0000", "(650) 253-0000", "650-253-0000", "650.253.0000", "+16502530000",
            "+44 20 7946 0958", "020 7946 0958", "0044 20 7946 0958", "+44 7911 123456", "07911 123456",
            "+49 30 901820", "030 901820", "+49 (0)30 901820", "+33 1 42 68 53 00", "01 42 68 53 00",
            "+31 20 123 4567", "+61 2 9876 5432", "+353 1 234 5678"
    })
    void phoneNumbersInInternationalAndNationalFormatsAreReplaced(String phone) {
        assertThat(PersonalData.redact("Call me on " + phone + " after lunch"))
                .isEqualTo("Call me on [phone] after lunch");
        assertThat(PersonalData.contains("Call me on " + phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555 5555 5555 4444",
            "3782 822463 10005", "378282246310005", "6011 1111 1111 1117", "4012888888881881"
    })
    void luhnValidCardNumbersAreReplaced(String card) {
        assertThat(PersonalData.redact("My card is " + card + ", expiry soon"))
                .isEqualTo("My card is [card], expiry soon");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32",
            "gb82west12345698765432", "FR14 2004 1010 0505 0001 3M02 606", "NL91ABNA0417164300",
            "NL91 ABNA 0417 1643 00"
    })
    void mod97ValidIbansAreReplaced(String iban) {
        assertThat(PersonalData.redact("Refund to " + iban + " please")).isEqualTo("Refund to [iban] please");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Your order number is 12345678.",
            "Order #100045678 shipped on 2024-01-15.",
            "Order 4411-2290 will arrive on 15/01/2024 between 09:00 and 12:00.",
            "Delivered 01.02.2023, invoice INV-2023-000123.",
            "The price is $1,299.99 or €49.95, or 1 299,00 kr.",
            "Reference 5551234567 was refunded.",
            "Tracking 1Z999AA10123456784 is on its way.",
            "Card ending 1111 was charged 19.99.",
            "4111 1111 1111 1112 fails the check digit.",
            "DE89 3704 0044 0532 0130 01 has a wrong checksum.",
            "Model KX-2000, serial 2024 0115 0930 1234.",
            "version 10.2.3 on port 8080, see section 4.1",
            "Write to support at example dot com.",
            "We open 9-17 Monday to Friday; 30 days to return; 2 year warranty."
    })
    void orderNumbersDatesPricesAndNearMissesAreKept(String text) {
        assertThat(PersonalData.redact(text)).isEqualTo(text);
        assertThat(PersonalData.contains(text)).isFalse();
    }

    @Test
    void mixedMessageRedactsEachKindAndKeepsTheRest() {
        String text = "Hi, I'm Jane (jane@example.com, +44 20 7946 0958). Order 12345678 from 2024-03-01 for $59.90 "
                + "was paid with 4111 1111 1111 1111; refund to DE89 3704 0044 0532 0130 00.";
        assertThat(PersonalData.redact(text)).isEqualTo("Hi, I'm Jane ([email], [phone]). Order 12345678 from "
                + "2024-03-01 for $59.90 was paid with [card]; refund to [iban].");
    }

    @Test
    void textWithoutPersonalDataIsReturnedUnchanged() {
        assertThat(PersonalData.redact("")).isEmpty();
        assertThat(PersonalData.redact("How do I return an item?")).isEqualTo("How do I return an item?");
        assertThat(PersonalData.contains("How do I return an item?")).isFalse();
    }

    @Test
    void inputIsCutAtTheBoundAndCuttingAloneIsNotPersonalData() {
        String longText = "x".repeat(PersonalData.MAX_CHARS + 500);
        assertThat(PersonalData.redact(longText)).hasSize(PersonalData.MAX_CHARS);
        assertThat(PersonalData.contains(longText)).isFalse();
        String beyond = "x".repeat(PersonalData.MAX_CHARS) + " jane@example.com";
        assertThat(PersonalData.redact(beyond)).doesNotContain("@");
    }

    @Test
    void hostileInputsFinishAndGiveTheExpectedResult() {
        String digits = "1".repeat(100_000);
        assertThat(PersonalData.redact(digits)).isEqualTo(digits);
        String letters = "a".repeat(100_000);
        assertThat(PersonalData.redact(letters)).isEqualTo(letters);
        String ats = "a@".repeat(50_000);
        assertThat(PersonalData.redact(ats)).isEqualTo(ats);
        String labels = "a@b." + "cc.".repeat(33_000);
        assertThat(PersonalData.redact(labels)).startsWith("[email].cc.").doesNotContain("@");
        String groups = "1234 ".repeat(20_000);
        assertThat(PersonalData.redact(groups)).isEqualTo(groups);
        String ibanStarts = "DE89 ".repeat(20_000);
        assertThat(PersonalData.redact(ibanStarts)).isEqualTo(ibanStarts);
        String cards = "4111 1111 1111 1111 ".repeat(5_000);
        assertThat(PersonalData.redact(cards)).isEqualTo("[card] ".repeat(5_000));
        String phones = "+44 20 7946 0958, ".repeat(5_000);
        assertThat(PersonalData.redact(phones)).isEqualTo("[phone], ".repeat(5_000));
        String plusses = "+".repeat(100_000);
        assertThat(PersonalData.redact(plusses)).isEqualTo(plusses);
    }
}
