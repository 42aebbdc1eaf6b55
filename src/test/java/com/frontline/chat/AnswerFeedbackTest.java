package com.frontline.chat;

import com.frontline.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rating as browsers send it: what is accepted, and what is refused with which message. */
class AnswerFeedbackTest {

    @Test
    void aThumbsDownKeepsItsReasonsOnceEachAndItsComment() {
        AnswerFeedback f = AnswerFeedback.parse("-1", List.of("incorrect", "TONE", "Incorrect", " "),
                "  It said 14 days; it is 30.  ");

        assertThat(f.value()).isEqualTo(-1);
        assertThat(f.reasons()).containsExactly(FeedbackReason.INCORRECT, FeedbackReason.TONE);
        assertThat(f.comment()).isEqualTo("It said 14 days; it is 30.");
    }

    @Test
    void aThumbsUpCarriesNoReasonsNorComment() {
        AnswerFeedback f = AnswerFeedback.parse("1", List.of("INCORRECT"), "fine");

        assertThat(f.reasons()).isEmpty();
        assertThat(f.comment()).isNull();
        assertThat(AnswerFeedback.parse("-1", null, "   ").comment()).isNull();
    }

    @Test
    void aValueOtherThanUpOrDownIsRefused() {
        for (String value : new String[]{null, "", "0", "2", "-2", "abc", "1.0"}) {
            assertThatThrownBy(() -> AnswerFeedback.parse(value, null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).errors().get("feedback"))
                    .asString().contains("👍 (1) or 👎 (-1)");
        }
    }

    @Test
    void anUnknownReasonIsRefusedByName() {
        assertThatThrownBy(() -> AnswerFeedback.parse("-1", List.of("INCORRECT", "<b>RUDE</b>"), null))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().get("feedback"))
                .asString().contains("Unknown reason \"<b>RUDE</b>\"", "Not what I asked");
    }

    @Test
    void aCommentOverTwoThousandCharactersIsRefused() {
        assertThat(AnswerFeedback.parse("-1", null, "x".repeat(2000)).comment()).hasSize(2000);
        assertThatThrownBy(() -> AnswerFeedback.parse("-1", null, "x".repeat(2001)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().get("feedback"))
                .asString().contains("2,000 characters", "2,001");
    }
}
