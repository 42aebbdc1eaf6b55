package com.frontline.chat;

import com.frontline.assistants.AssistantConfig;
import com.frontline.llm.Answer;
import com.frontline.llm.AssistantGateway;
import com.frontline.llm.ModelSettings;
import com.frontline.llm.TokenSink;
import com.frontline.search.Audience;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * How an answer reaches the chat as it is written: the offline answerer's text streams in word groups once its
 * confidence is decided (so an unsure one never flashes and vanishes), a model's streams as it comes, and small
 * talk is answered in kind without a search.
 */
class AnswerStreamingTest {

    static final String OFFLINE = "Happy to help! Here's what our help articles say:\n\nYou can return any item "
            + "within 30 days of delivery for a full refund. [1]\n\nI hope that helps. Just ask if anything is unclear!";
    static final String MODEL = "You have 30 days to return an item [1].";

    final TenantId tenant = new TenantId(UUID.randomUUID());
    final KnowledgeSearch search = mock(KnowledgeSearch.class);
    final AssistantGateway assistant = mock(AssistantGateway.class);
    final TenantService tenants = mock(TenantService.class, Answers.RETURNS_DEEP_STUBS);
    final Recorder sink = new Recorder();
    AnswerComposer composer;

    /** What a chat view sees: the token events, and the bubble's text (a restart clears it). */
    static final class Recorder implements TokenSink {
        final List<String> tokens = new ArrayList<>();
        final StringBuilder bubble = new StringBuilder();
        final List<Long> at = new ArrayList<>();
        int restarts;

        @Override
        public void token(String delta) {
            tokens.add(delta);
            at.add(System.nanoTime());
            bubble.append(delta);
        }

        @Override
        public void restart() {
            restarts++;
            bubble.setLength(0);
        }
    }

    @BeforeEach
    void setUp() {
        composer = new AnswerComposer(search, assistant, tenants, new Streaming(Duration.ZERO), List.of());
        when(assistant.standaloneQuestion(any(), anyList(), anyString(), any(), any())).thenAnswer(i -> i.getArgument(2));
        when(search.search(any(), any(), anyString(), any())).thenReturn(List.of(new Passage(UUID.randomUUID(),
                UUID.randomUUID(), 1, "text", Visibility.PUBLIC, "Returns policy", List.of(),
                "You can return any item within 30 days of delivery for a full refund.", null, 0.9, 0.9, 1, 1)));
        when(tenants.widget(any()).allowedOrigins()).thenReturn(List.of());
    }

    private AnswerComposer.Composed ask(String question, Answer answer, double threshold) {
        when(assistant.answer(any(), any())).thenAnswer(i -> {
            if (answer.streamed()) { // a model streams as it writes
                TokenSink s = i.getArgument(1);
                for (String word : answer.text().split("(?<= )")) {
                    s.token(word);
                }
            }
            return answer;
        });
        return composer.compose(tenant, Audience.VISITORS, UUID.randomUUID(), config(threshold), null, List.of(),
                question, sink);
    }

    /** Ava's persona, the default search settings, no provider, and the threshold. */
    static AssistantConfig config(double threshold) {
        return AssistantConfig.of(SmallTalkTest.AVA, RetrievalSettings.defaults(),
                new ModelSettings(new ModelSettings.Routing(true, 30, 65, 12_000), List.of()), threshold);
    }

    static Answer offline(String text) {
        return new Answer(text, text.isEmpty() ? List.of() : List.of(1), false, true, "offline", "extractive",
                "offline", false);
    }

    @Test
    void anApprovedCorrectionAnswersBeforeAnySearchAndIsMarkedVerified() {
        UUID correction = UUID.randomUUID();
        VerifiedAnswers approved = (t, audience, question) -> question.contains("return")
                ? java.util.Optional.of(new VerifiedAnswers.Match(correction, "How do I return an item?",
                "Print the label from your order page.", null, 0.91)) : java.util.Optional.empty();
        composer = new AnswerComposer(search, assistant, tenants, new Streaming(Duration.ZERO), List.of(approved));

        AnswerComposer.Composed c = ask("How can I return an item?", offline(OFFLINE), 0.5);

        assertThat(c.text()).isEqualTo("Print the label from your order page.");
        assertThat(c.verifiedCorrectionId()).isEqualTo(correction);
        assertThat(c.model()).isEqualTo(VerifiedAnswers.MODEL);
        assertThat(c.confidence()).isEqualTo(0.91);
        assertThat(sink.bubble.toString()).isEqualTo("Print the label from your order page.");
        org.mockito.Mockito.verifyNoInteractions(search);

        AnswerComposer.Composed other = ask("Do you sell seashells?", offline(OFFLINE), 0);
        assertThat(other.verifiedCorrectionId()).isNull();
    }

    @Test
    void aConfidentOfflineAnswerArrivesInSeveralGroupsOfAFewWords() {
        AnswerComposer.Composed c = ask("How long do I have to return an item?", offline(OFFLINE), 0);

        assertThat(c.lowConfidence()).isFalse();
        assertThat(c.text()).isEqualTo(OFFLINE);
        assertThat(sink.tokens).hasSizeGreaterThan(5);
        assertThat(sink.tokens).allSatisfy(t -> assertThat(t.strip().split("\\s+").length)
                .isBetween(1, Streaming.WORDS_PER_GROUP));
        assertThat(sink.bubble.toString()).isEqualTo(OFFLINE);
        assertThat(sink.restarts).isZero();
    }

    @Test
    void anUnsureOfflineAnswerIsNeverShownOnlyTheFallbackStreams() {
        AnswerComposer.Composed c = ask("Do you sell seashells?", offline(OFFLINE), 1.0); // the highest threshold: a logistic score stays below it

        assertThat(c.lowConfidence()).isTrue();
        assertThat(c.text()).isEqualTo(SmallTalkTest.AVA.fallbackMessage());
        assertThat(String.join("", sink.tokens)).isEqualTo(SmallTalkTest.AVA.fallbackMessage());
        assertThat(sink.tokens).hasSizeGreaterThan(1).noneMatch(t -> t.contains("30 days"));
        assertThat(sink.restarts).isZero();
    }

    @Test
    void whenNothingMatchesTheFallbackStreams() {
        AnswerComposer.Composed c = ask("Do you sell seashells?", offline(""), 0.5);

        assertThat(c.lowConfidence()).isTrue();
        assertThat(sink.bubble.toString()).isEqualTo(SmallTalkTest.AVA.fallbackMessage());
    }

    @Test
    void aModelsAnswerStreamsAsItComesAndIsNotStreamedTwice() {
        Answer model = new Answer(MODEL, List.of(1), false, false, "OpenAI", "gpt-4o-mini", "simple", false);
        AnswerComposer.Composed c = ask("How long do I have to return an item?", model, 0);

        assertThat(c.text()).isEqualTo(MODEL);
        assertThat(sink.bubble.toString()).isEqualTo(MODEL);
        assertThat(sink.restarts).isZero();
    }

    @Test
    void aModelsUnsureAnswerIsTakenBackAndTheFallbackStreams() {
        Answer model = new Answer(MODEL, List.of(1), false, false, "OpenAI", "gpt-4o-mini", "simple", false);
        ask("How long do I have to return an item?", model, 1.0);

        assertThat(sink.restarts).isEqualTo(1);
        assertThat(sink.bubble.toString()).isEqualTo(SmallTalkTest.AVA.fallbackMessage());
    }

    @Test
    void smallTalkIsAnsweredInKindWithoutASearchNeverWithTheFallback() {
        AnswerComposer.Composed c = ask("ok thanks, bye", offline(""), 0.99);

        assertThat(c.text()).isEqualTo("You're welcome! Have a great day.");
        assertThat(c.lowConfidence()).isFalse();
        assertThat(c.handoffRequested()).isFalse();
        assertThat(c.citations()).isEmpty();
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.provider()).isEqualTo("offline");
        assertThat(c.model()).isEqualTo(SmallTalk.MODEL);
        assertThat(sink.bubble.toString()).isEqualTo(c.text());
        assertThat(sink.tokens).hasSizeGreaterThan(1);
        verify(search, never()).search(any(), any(), anyString(), any());
        verify(assistant, never()).answer(any(), any());
    }

    @Test
    void aFollowUpAfterThanksRefersToTheQuestionBeforeTheThanks() {
        List<ChatMessage> history = List.of(
                message(Author.CUSTOMER, "Do you ship to Germany?", null),
                message(Author.ASSISTANT, OFFLINE, "extractive"),
                message(Author.CUSTOMER, "thanks!", null),
                message(Author.ASSISTANT, "You're welcome! Is there anything else I can help you with?",
                        SmallTalk.MODEL));
        when(assistant.answer(any(), any())).thenReturn(offline(OFFLINE));
        composer.compose(tenant, Audience.VISITORS, UUID.randomUUID(), config(0), null, history,
                "and how long does that take?", sink);

        var turns = org.mockito.ArgumentCaptor.forClass(List.class);
        verify(assistant).standaloneQuestion(any(), turns.capture(), anyString(), any(), any());
        assertThat(turns.getValue()).extracting("text").containsExactly("Do you ship to Germany?", OFFLINE);
    }

    static ChatMessage message(Author author, String text, String model) {
        return new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), 1, author, null, text, List.of(), null, false,
                false, model == null ? null : "offline", model, null, java.time.OffsetDateTime.now(), null, null);
    }

    @Test
    void aGreetingWithAQuestionIsAQuestion() {
        AnswerComposer.Composed c = ask("Hi, how do I return an item?", offline(OFFLINE), 0);

        assertThat(c.text()).isEqualTo(OFFLINE);
        verify(search).search(any(), any(), anyString(), any());
    }

    @Test
    void groupsArePacedButTheFirstOneGoesOutAtOnce() {
        Streaming paced = new Streaming(Duration.ofMillis(20));
        long start = System.nanoTime();
        paced.stream("one two three four five six seven eight nine ten", sink);

        assertThat(sink.tokens).containsExactly("one two three ", "four five six ", "seven eight nine ", "ten");
        assertThat((sink.at.getFirst() - start) / 1_000_000).isLessThan(15);
        assertThat((sink.at.getLast() - sink.at.getFirst()) / 1_000_000).isGreaterThanOrEqualTo(3 * 20 - 5);
    }

    @Test
    void groupsGiveTheTextBackExactly() {
        String text = "  Hi!\n\nLine one [1]\n- a bullet  with  spaces\n";
        assertThat(String.join("", Streaming.groups(text, 3))).isEqualTo(text);
        assertThat(Streaming.groups("", 3)).isEmpty();
        assertThat(Streaming.groups("one", 3)).containsExactly("one");
    }
}
