package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.FeedbackReviewFilter.Band;
import com.frontline.chat.FeedbackReviewFilter.Outcome;
import com.frontline.chat.FeedbackReviewFilter.ProviderModel;
import com.frontline.chat.FeedbackReviewFilter.Rating;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static com.frontline.chat.FeedbackReviewFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The feedback review page over real rows: each filter picks the right answers, paging by (time, id) neither skips
 * nor repeats, the exports follow the filters, visitors' HTML stays text, and another workspace sees nothing.
 */
@IntegrationTest
class FeedbackReviewTest {

    static final String TRACE = """
            {"query": "shipping germany", "passages": [
              {"documentId": "00000000-0000-0000-0000-000000000001", "label": "Shipping and delivery",
               "visibility": "PUBLIC", "score": 0.912, "relevance": 0.71, "bm25Rank": 1, "denseRank": 2},
              {"documentId": null, "label": "Returns and refunds", "visibility": "PUBLIC", "score": 0.2,
               "relevance": 0.1, "bm25Rank": 3, "denseRank": 1}]}""";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired FeedbackReviewService reviews;
    @Autowired FeedbackReviewRepository repository;
    @Autowired JsonMapper json;

    FeedbackReviewFixture fixture;
    CurrentTenant a;
    CurrentTenant b;
    MockHttpSession alice;
    MockHttpSession bob;
    OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeEach
    void twoWorkspaces() throws Exception {
        fixture = new FeedbackReviewFixture(dsl);
        var aliceAccount = accounts.signedIn(mvc, "alice");
        a = accounts.asMember(aliceAccount, accounts.workspace(aliceAccount, "Review Co"));
        alice = aliceAccount.session();
        var bobAccount = accounts.signedIn(mvc, "bob");
        b = accounts.asMember(bobAccount, accounts.workspace(bobAccount, "Other Co"));
        bob = bobAccount.session();
    }

    FeedbackReviewFilter lastDays(int days) {
        return FeedbackReviewFilter.period(now.minusDays(days), now.plusMinutes(1));
    }

    FeedbackReviewFilter with(Rating rating, String reason, Channel channel, Band band, Outcome outcome,
                              Boolean handedOff, ProviderModel model, String text) {
        FeedbackReviewFilter p = lastDays(30);
        return new FeedbackReviewFilter(p.from(), p.to(), rating, reason, channel, band, outcome, handedOff, model,
                text);
    }

    List<UUID> ids(TenantId tenant, FeedbackReviewFilter filter) {
        return reviews.page(tenant, filter, null).rows().stream().map(FeedbackReviewRow::messageId).toList();
    }

    String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String download(String url, MockHttpSession session) throws Exception {
        MvcResult started = mvc.perform(get(url).session(session)).andExpect(request().asyncStarted()).andReturn();
        return body(mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn());
    }

    @Test
    void eachFilterReturnsTheRightAnswers() {
        UUID up = fixture.insert(a.id(), answer().at(now.minusHours(1)).rating(1).confidence(0.9)
                .question("How long does shipping take?").model("openai", "gpt-4o-mini"));
        UUID down = fixture.insert(a.id(), answer().at(now.minusHours(2)).rating(-1).reasons("INCORRECT", "TONE")
                .comment("Wrong price").confidence(0.55).question("What does express cost?"));
        UUID fallback = fixture.insert(a.id(), answer().at(now.minusHours(3)).rating(-1).reasons("INCOMPLETE")
                .confidence(0.2).fellBack().handedOff().answer("I'm not sure about 50% _off_ codes."));
        UUID implicit = fixture.insert(a.id(), answer().at(now.minusHours(4)).rating(null)
                .implicit(0.8, "{\"thanked\": true}").channel(Channel.PLAYGROUND));
        UUID old = fixture.insert(a.id(), answer().at(now.minusDays(40)).rating(1));
        fixture.insert(a.id(), answer().at(now.minusHours(5)).rating(null)); // not judged: never listed
        fixture.insert(a.id(), answer().at(now.minusHours(5)).channel(Channel.EVALUATION)); // not a customer
        fixture.insert(b.id(), answer().at(now.minusHours(1)).rating(-1).reasons("INCORRECT"));

        assertThat(ids(a.id(), lastDays(30))).containsExactly(up, down, fallback, implicit);
        assertThat(ids(a.id(), lastDays(90))).containsExactly(up, down, fallback, implicit, old);
        assertThat(ids(a.id(), with(Rating.UP, null, null, null, null, null, null, null))).containsExactly(up);
        assertThat(ids(a.id(), with(Rating.DOWN, null, null, null, null, null, null, null)))
                .containsExactly(down, fallback);
        assertThat(ids(a.id(), with(Rating.RATED, null, null, null, null, null, null, null)))
                .containsExactly(up, down, fallback);
        assertThat(ids(a.id(), with(Rating.IMPLICIT_ONLY, null, null, null, null, null, null, null)))
                .containsExactly(implicit);
        assertThat(ids(a.id(), with(Rating.ANY, "TONE", null, null, null, null, null, null))).containsExactly(down);
        assertThat(ids(a.id(), with(Rating.ANY, null, Channel.PLAYGROUND, null, null, null, null, null)))
                .containsExactly(implicit);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, Band.LOW, null, null, null, null)))
                .containsExactly(fallback);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, Band.MEDIUM, null, null, null, null)))
                .containsExactly(down);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, Band.HIGH, null, null, null, null)))
                .containsExactly(up, implicit);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, Outcome.FELL_BACK, null, null, null)))
                .containsExactly(fallback);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, Outcome.ANSWERED, null, null, null)))
                .containsExactly(up, down, implicit);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, null, true, null, null))).containsExactly(fallback);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, null, null,
                new ProviderModel("openai", "gpt-4o-mini"), null))).containsExactly(up);
        // case-insensitive, in the question or the answer, and % and _ are taken literally
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, null, null, null, "EXPRESS"))).containsExactly(down);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, null, null, null, "50% _off_")))
                .containsExactly(fallback);
        assertThat(ids(a.id(), with(Rating.ANY, null, null, null, null, null, null, "5_%"))).isEmpty();
        assertThat(reviews.providerModels(a.id())).extracting(ProviderModel::key)
                .containsExactly("offline/extractive", "openai/gpt-4o-mini");
    }

    @Test
    void keysetPagingNeitherSkipsNorRepeats() {
        List<UUID> inserted = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // groups of three share a time: the id breaks the tie
            inserted.add(fixture.insert(a.id(), answer().at(now.minusMinutes(i / 3)).rating(i % 2 == 0 ? 1 : -1)));
        }
        List<UUID> seen = new ArrayList<>();
        FeedbackReviewCursor after = null;
        int pages = 0;
        do {
            FeedbackReviewService.Page page = reviews.page(a.id(), lastDays(1), after);
            page.rows().forEach(r -> seen.add(r.messageId()));
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(60).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inserted);
        List<OffsetDateTime> times = seen.stream().map(id -> repository.answer(a.id(), id).orElseThrow().createdAt())
                .toList();
        assertThat(times).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    void thePageFiltersByQueryParametersAndShowsVisitorsHtmlAsText() throws Exception {
        fixture.insert(a.id(), answer().rating(-1).reasons("OTHER").comment("<script>alert('x')</script> <b>bold</b>")
                .question("<img src=x onerror=alert(1)> refund?"));
        fixture.insert(a.id(), answer().rating(1).question("Where is my parcel?"));

        String page = body(mvc.perform(get("/w/" + a.slug() + "/feedback").param("rating", "down").session(alice))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt; refund?")
                .doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("Where is my parcel?")
                .contains("export.csv?rating=down").contains("data-testid=\"card-helpful\"")
                .contains("Implicit satisfaction starts at 0.5"); // the formula the job uses, from ImplicitSignals

        String fragment = body(mvc.perform(get("/w/" + a.slug() + "/feedback").param("rating", "up")
                .header("HX-Request", "true").session(alice)).andExpect(status().isOk()).andReturn());
        assertThat(fragment).startsWith("<section id=\"feedback-results\"").contains("Where is my parcel?")
                .doesNotContain("<html");
        String boosted = body(mvc.perform(get("/w/" + a.slug() + "/feedback").header("HX-Request", "true")
                .header("HX-Boosted", "true").session(alice)).andExpect(status().isOk()).andReturn());
        assertThat(boosted).contains("<html").contains("feedback-filters");
    }

    @Test
    void badFilterValuesGetAMessageNotAnErrorPage() throws Exception {
        fixture.insert(a.id(), answer().rating(1).question("Where is my parcel?"));
        String page = body(mvc.perform(get("/w/" + a.slug() + "/feedback").session(alice)
                .param("rating", "sideways").param("period", "custom").param("from", "2026-13-01")
                .param("to", "2026-01-01").param("band", "<b>x</b>").param("after", "nonsense")
                .param("q", "x".repeat(300))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Unknown rating &quot;sideways&quot;")
                .contains("From &quot;2026-13-01&quot; is not a date")
                .contains("Unknown confidence band &quot;&lt;b&gt;x&lt;/b&gt;&quot;")
                .contains("That page link is not valid")
                .contains("Search for at most 200 characters")
                .contains("Where is my parcel?");
        String reversed = body(mvc.perform(get("/w/" + a.slug() + "/feedback").session(alice)
                .param("period", "custom").param("from", "2026-05-10").param("to", "2026-05-01"))
                .andExpect(status().isOk()).andReturn());
        assertThat(reversed).contains("is before its start");
        mvc.perform(get("/w/" + a.slug() + "/feedback/not-a-uuid").session(alice)).andExpect(status().isNotFound());
    }

    @Test
    void theAnswerPageShowsTheConversationPassagesAndJudgement() throws Exception {
        UUID traced = fixture.insert(a.id(), answer().rating(-1).reasons("INCOMPLETE").comment("Only half of it")
                .retrieval(TRACE).implicit(0.25, "{\"continued\": false, \"rephrased\": true, \"thanked\": false}"));
        UUID untraced = fixture.insert(a.id(), answer().rating(1));

        String page = body(mvc.perform(get("/w/" + a.slug() + "/feedback/" + traced).session(alice))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("How long does shipping take?").contains("Standard shipping takes")
                .contains("shipping germany").contains("Shipping and delivery").contains("0.912")
                .contains("Returns and refunds").contains("Only half of it").contains("Incomplete")
                .contains("Rephrased the same question").contains("0.25")
                .contains("/w/" + a.slug() + "/corrections/new?answer=" + traced);
        String old = body(mvc.perform(get("/w/" + a.slug() + "/feedback/" + untraced).session(alice))
                .andExpect(status().isOk()).andReturn());
        assertThat(old).contains("Not recorded: this answer was given before");
    }

    @Test
    void exportsFollowTheFiltersAndNeutraliseFormulas() throws Exception {
        fixture.insert(a.id(), answer().at(now.minusHours(1)).rating(-1).reasons("INCORRECT", "TONE")
                .comment("=HYPERLINK(\"http://evil\")").question("@SUM(A1) price?")
                .citations("[{\"number\": 1, \"documentId\": \"00000000-0000-0000-0000-000000000001\", "
                        + "\"sourceType\": \"DOCUMENT\", \"title\": \"Prices\", \"snippet\": \"s\", "
                        + "\"url\": \"https://acme.test/prices\"}]"));
        fixture.insert(a.id(), answer().at(now.minusHours(2)).rating(1).question("Where is my parcel?"));
        fixture.insert(b.id(), answer().rating(-1).question("B's question"));

        String csv = download("/w/" + a.slug() + "/feedback/export.csv?rating=down", alice);
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(csv).stream().toList();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getFields()).isEqualTo(FeedbackReviewExports.CSV_HEADER);
        CsvRecord row = records.get(1);
        assertThat(row.getField(4)).isEqualTo("'@SUM(A1) price?");
        assertThat(row.getField(6)).isEqualTo("down");
        assertThat(row.getField(7)).isEqualTo("INCORRECT TONE");
        assertThat(row.getField(8)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(row.getField(15)).isEqualTo("[1] Prices <https://acme.test/prices>");

        String all = download("/w/" + a.slug() + "/feedback/export.jsonl", alice);
        List<JsonNode> lines = all.lines().map(json::readTree).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(l -> l.get("question").asString())
                .containsExactly("@SUM(A1) price?", "Where is my parcel?");
        JsonNode first = lines.getFirst();
        assertThat(first.get("rating").asString()).isEqualTo("down");
        assertThat(first.get("comment").asString()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(first.get("citations").get(0).get("url").asString()).isEqualTo("https://acme.test/prices");
        assertThat(first.get("conversationId").asString()).isNotBlank();
        assertThat(first.get("confidence").asDouble()).isEqualTo(0.8);
        assertThat(download("/w/" + a.slug() + "/feedback/export.jsonl?rating=up", alice).lines()).hasSize(1);
    }

    @Test
    void exportsReadInBatchesWithoutLosingRows() {
        int n = FeedbackReviewService.EXPORT_BATCH + 7;
        for (int i = 0; i < n; i++) {
            fixture.insert(a.id(), answer().at(now.minusSeconds(i / 4)).rating(1));
        }
        var seen = new HashSet<UUID>();
        reviews.export(a.id(), lastDays(1), r -> assertThat(seen.add(r.messageId())).isTrue());
        assertThat(seen).hasSize(n);
    }

    @Test
    void cardsCompareWithThePreviousPeriod() {
        fixture.insert(a.id(), answer().at(now.minusDays(1)).rating(1).implicit(1.0, "{}"));
        fixture.insert(a.id(), answer().at(now.minusDays(2)).rating(-1).implicit(0.0, "{}"));
        fixture.insert(a.id(), answer().at(now.minusDays(2)).rating(null).fellBack().handedOff());
        fixture.insert(a.id(), answer().at(now.minusDays(2)).rating(null));
        fixture.insert(a.id(), answer().at(now.minusDays(10)).rating(1)); // the previous 7 days: all helpful
        FeedbackReviewFilter week = FeedbackReviewFilter.period(now.minusDays(7), now.plusMinutes(1));
        var cards = reviews.cards(a.id(), week);
        assertThat(cards).extracting(FeedbackReviewCard::key)
                .containsExactly("helpful", "rating", "fallback", "handoff", "implicit");
        assertThat(cards.get(0).value()).isEqualTo(0.5);
        assertThat(cards.get(0).previous()).isEqualTo(1.0);
        assertThat(cards.get(0).changePoints()).isEqualTo(-50.0);
        assertThat(cards.get(1).value()).isEqualTo(0.5);
        assertThat(cards.get(2).value()).isEqualTo(0.25);
        assertThat(cards.get(3).value()).isEqualTo(0.25);
        assertThat(cards.get(4).value()).isEqualTo(0.5);
        assertThat(cards.get(4).previous()).isNull();
        assertThat(cards.get(0).sparkline().empty()).isFalse();
        assertThat(reviews.cards(b.id(), week).get(0).value()).isNull();
    }

    @Test
    void anotherWorkspaceFindsNothing() throws Exception {
        UUID mine = fixture.insert(a.id(), answer().rating(-1).retrieval(TRACE).model("openai", "gpt-x"));
        assertThat(repository.page(b.id(), lastDays(30), null, 10)).isEmpty();
        assertThat(repository.answer(b.id(), mine)).isEmpty();
        assertThat(repository.traces(b.id(), mine)).isEmpty();
        assertThat(repository.providerModels(b.id())).isEmpty();
        assertThat(repository.days(b.id(), now.minusDays(1), now.plusMinutes(1), null, null)).isEmpty();
        assertThat(repository.answer(a.id(), mine)).isPresent();

        // B's own page does not open A's answer, and B cannot open A's pages at all
        mvc.perform(get("/w/" + b.slug() + "/feedback/" + mine).session(bob)).andExpect(status().isNotFound());
        mvc.perform(get("/w/" + a.slug() + "/feedback").session(bob)).andExpect(status().isNotFound());
        mvc.perform(get("/w/" + a.slug() + "/feedback/" + mine).session(bob)).andExpect(status().isNotFound());
        mvc.perform(get("/w/" + a.slug() + "/feedback/export.csv").session(bob)).andExpect(status().isNotFound());
        assertThat(download("/w/" + b.slug() + "/feedback/export.jsonl", bob)).isEmpty();
    }
}
