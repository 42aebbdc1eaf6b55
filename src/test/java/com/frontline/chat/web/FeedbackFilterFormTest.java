package com.frontline.chat.web;

import com.frontline.chat.Channel;
import com.frontline.chat.FeedbackReviewCursor;
import com.frontline.chat.FeedbackReviewFilter.Band;
import com.frontline.chat.FeedbackReviewFilter.Outcome;
import com.frontline.chat.FeedbackReviewFilter.Rating;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackFilterFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static FeedbackFilterForm form(String period, String from, String to, String rating, String reason,
                                   String channel, String band, String outcome, String handoff, String model,
                                   String q, String after) {
        return new FeedbackFilterForm(period, from, to, rating, reason, channel, band, outcome, handoff, model, q,
                after);
    }

    static OffsetDateTime utc(LocalDate d) {
        return d.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    @Test
    void noValuesMeanTheLast30DaysOfEveryJudgedAnswer() {
        var p = form(null, null, null, null, null, null, null, null, null, null, null, null).parse(TODAY);
        assertThat(p.errors()).isEmpty();
        assertThat(p.filter().from()).isEqualTo(utc(LocalDate.of(2026, 11, 8)));
        assertThat(p.filter().to()).isEqualTo(utc(LocalDate.of(2026, 12, 8)));
        assertThat(p.filter().rating()).isEqualTo(Rating.ANY);
        assertThat(p.query()).isEmpty();
        assertThat(p.after()).isNull();
    }

    @Test
    void everyFilterIsReadAndCarriedInLinks() {
        UUID id = UUID.randomUUID();
        String token = new FeedbackReviewCursor(OffsetDateTime.parse("2026-12-01T10:00:00.123456Z"), id).token();
        var p = form("7", "", "", "DOWN", "tone", "Widget", "low", "fallback", "yes", "openai/gpt-4o/mini",
                "  50% off & more ", token).parse(TODAY);
        assertThat(p.errors()).isEmpty();
        var f = p.filter();
        assertThat(f.from()).isEqualTo(utc(LocalDate.of(2026, 12, 1)));
        assertThat(f.rating()).isEqualTo(Rating.DOWN);
        assertThat(f.reason()).isEqualTo("TONE");
        assertThat(f.channel()).isEqualTo(Channel.WIDGET);
        assertThat(f.band()).isEqualTo(Band.LOW);
        assertThat(f.outcome()).isEqualTo(Outcome.FELL_BACK);
        assertThat(f.handedOff()).isTrue();
        assertThat(f.providerModel().provider()).isEqualTo("openai");
        assertThat(f.providerModel().model()).isEqualTo("gpt-4o/mini");
        assertThat(f.text()).isEqualTo("50% off & more");
        assertThat(p.after()).isEqualTo(new FeedbackReviewCursor(
                OffsetDateTime.parse("2026-12-01T10:00:00.123456Z"), id));
        assertThat(p.query()).isEqualTo("?period=7&rating=down&reason=TONE&channel=widget&band=low"
                + "&outcome=fallback&handoff=yes&model=openai/gpt-4o/mini&q=50%25%20off%20%26%20more");
        assertThat(p.queryAfter(p.after())).endsWith("&after=" + token);
    }

    @Test
    void aCustomPeriodIncludesBothDays() {
        var p = form("custom", "2026-10-01", "2026-10-31", null, null, null, null, null, null, null, null, null)
                .parse(TODAY);
        assertThat(p.errors()).isEmpty();
        assertThat(p.filter().from()).isEqualTo(utc(LocalDate.of(2026, 10, 1)));
        assertThat(p.filter().to()).isEqualTo(utc(LocalDate.of(2026, 11, 1)));
        assertThat(p.filter().previous().from()).isEqualTo(utc(LocalDate.of(2026, 8, 31)));
    }

    @Test
    void unknownValuesAreDroppedWithAMessage() {
        var p = form("12", null, null, "sideways", "RUDE", "email", "huge", "maybe", "perhaps", "nomodel",
                "x".repeat(201), "12_x").parse(TODAY);
        assertThat(p.errors()).hasSize(10);
        assertThat(p.filter().rating()).isEqualTo(Rating.ANY);
        assertThat(p.filter().reason()).isNull();
        assertThat(p.filter().channel()).isNull();
        assertThat(p.filter().band()).isNull();
        assertThat(p.filter().outcome()).isNull();
        assertThat(p.filter().handedOff()).isNull();
        assertThat(p.filter().providerModel()).isNull();
        assertThat(p.filter().text()).isNull();
        assertThat(p.after()).isNull();
        assertThat(p.values()).isEmpty();
    }

    @Test
    void badCustomPeriodsFallBackToTheLast30Days() {
        assertThat(form("custom", "2026-10-31", "2026-10-01", null, null, null, null, null, null, null, null, null)
                .parse(TODAY).errors()).singleElement().asString().contains("is before its start");
        assertThat(form("custom", "2024-01-01", "2026-10-01", null, null, null, null, null, null, null, null, null)
                .parse(TODAY).errors()).singleElement().asString().contains("at most 366 days");
        assertThat(form("custom", "2026-10-01", "", null, null, null, null, null, null, null, null, null)
                .parse(TODAY).errors()).singleElement().asString().contains("both dates");
        var bad = form("custom", "yesterday", "2026-10-01", null, null, null, null, null, null, null, null, null)
                .parse(TODAY);
        assertThat(bad.errors()).singleElement().asString().contains("is not a date");
        assertThat(bad.filter().from()).isEqualTo(utc(LocalDate.of(2026, 11, 8)));
    }
}
