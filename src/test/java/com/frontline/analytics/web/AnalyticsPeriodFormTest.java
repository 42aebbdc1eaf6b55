package com.frontline.analytics.web;

import com.frontline.analytics.Period;
import com.frontline.analytics.ResponseTimes;
import com.frontline.analytics.Totals;
import com.frontline.chat.Channel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The period picker's validation, and the cards' comparison with the previous period. */
class AnalyticsPeriodFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static AnalyticsPeriodForm.Parsed parse(String period, String from, String to, String channel) {
        return new AnalyticsPeriodForm(period, from, to, channel).parse(TODAY);
    }

    @Test
    void presetsAndACustomRangeArePeriodsUpToToday() {
        assertThat(parse(null, null, null, null).period()).isEqualTo(Period.lastDays(TODAY, 30));
        assertThat(parse("7", null, null, null).period()).isEqualTo(Period.lastDays(TODAY, 7));
        assertThat(parse("90", null, null, "WIDGET").period()).isEqualTo(Period.lastDays(TODAY, 90));
        assertThat(parse("90", null, null, "WIDGET").channel()).isEqualTo(Channel.WIDGET);
        assertThat(parse("7", null, null, "playground").channel()).isEqualTo(Channel.PLAYGROUND);
        AnalyticsPeriodForm.Parsed custom = parse("custom", "2026-11-01", "2026-11-15", "");
        assertThat(custom.errors()).isEmpty();
        assertThat(custom.period()).isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)));
        assertThat(custom.label()).isEqualTo("1 Nov 2026 – 15 Nov 2026");
        assertThat(custom.queryString("q", "how long")).isEqualTo("?period=custom&from=2026-11-01&to=2026-11-15&q=how%20long");
    }

    @Test
    void outOfRangeDatesGetAMessageNextToTheFieldAndTheDefaultPeriod() {
        assertThat(parse("custom", "2026-12-01", "2026-12-08", null).errors())
                .containsEntry("to", "The last day can be today (2026-12-07) at the latest.");
        assertThat(parse("custom", "2026-12-08", "2026-12-09", null).errors()).containsKey("from");
        assertThat(parse("custom", "2026-12-05", "2026-12-01", null).errors())
                .containsEntry("to", "The last day is before the first (2026-12-05).");
        assertThat(parse("custom", "2016-01-01", "2016-02-01", null).errors())
                .containsEntry("from", "Choose a first day within the last ten years.");
        assertThat(parse("custom", "2024-01-01", "2026-12-01", null).errors().get("to"))
                .startsWith("A range is at most 366 days");
        assertThat(parse("custom", "yesterday", "", null).errors())
                .containsEntry("from", "Enter a date like 2026-12-01.")
                .containsEntry("to", "Choose the last day of the range.");
        AnalyticsPeriodForm.Parsed refused = parse("custom", "2026-12-05", "2026-12-01", null);
        assertThat(refused.period()).isEqualTo(Period.lastDays(TODAY, 30));
        assertThat(refused.periodRefused()).isTrue();
        assertThat(refused.value("from")).isEqualTo("2026-12-05"); // kept as typed, to correct
        assertThat(refused.queryString()).isEmpty(); // links carry no refused range
        assertThat(parse("14", null, null, null).errors()).containsKey("period");
        AnalyticsPeriodForm.Parsed evaluation = parse("7", null, null, "EVALUATION");
        assertThat(evaluation.channel()).isNull();
        assertThat(evaluation.errors()).containsKey("channel");
    }

    static Totals totals(int conversations, int deflected, int handoffs, int rated, int helpful, List<Long> replies) {
        return new Totals(conversations, conversations * 2, deflected, handoffs, replies.size(),
                histogram(replies), 10, rated, helpful, 1, 0, 0);
    }

    static int[] histogram(List<Long> seconds) {
        int[] b = new int[ResponseTimes.BUCKETS];
        long[] bounds = {30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400};
        for (long s : seconds) {
            int i = 0;
            while (i < bounds.length && s > bounds[i]) {
                i++;
            }
            b[i]++;
        }
        return b;
    }

    @Test
    void cardsShowTheChangeWithAnArrowAndWhetherItIsBetter() {
        Totals now = totals(120, 60, 12, 10, 8, List.of(200L, 250L));
        Totals before = totals(100, 40, 20, 10, 9, List.of(1000L, 1200L));
        List<KeyCard> cards = KeyCard.all(now, before);
        KeyCard conversations = card(cards, "conversations");
        assertThat(conversations.value()).isEqualTo("120");
        assertThat(conversations.delta()).isEqualTo("+20 %");
        assertThat(conversations.arrow()).isEqualTo("↑");
        assertThat(conversations.tone()).isEqualTo("flat"); // more conversations is neither good nor bad
        KeyCard deflection = card(cards, "deflection");
        assertThat(deflection.value()).isEqualTo("50.0 %");
        assertThat(deflection.delta()).isEqualTo("+10.0 pts");
        assertThat(deflection.tone()).isEqualTo("good");
        KeyCard handoff = card(cards, "handoff");
        assertThat(handoff.delta()).isEqualTo("−10.0 pts");
        assertThat(handoff.arrow()).isEqualTo("↓");
        assertThat(handoff.tone()).isEqualTo("good"); // fewer handoffs
        KeyCard helpful = card(cards, "helpful");
        assertThat(helpful.tone()).isEqualTo("bad");
        KeyCard response = card(cards, "response");
        assertThat(response.arrow()).isEqualTo("↓");
        assertThat(response.tone()).isEqualTo("good"); // faster
        // nothing before: no comparison for rates, "new" for counts
        List<KeyCard> first = KeyCard.all(now, totals(0, 0, 0, 0, 0, List.of()));
        assertThat(card(first, "deflection").delta()).isNull();
        assertThat(card(first, "conversations").delta()).isEqualTo("new");
        assertThat(KeyCard.key(now, before)).extracting(KeyCard::id)
                .containsExactly("conversations", "deflection", "handoff", "helpful");
    }

    static KeyCard card(List<KeyCard> cards, String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
