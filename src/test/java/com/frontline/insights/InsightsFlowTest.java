package com.frontline.insights;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.shared.privacy.ConversationsErased;
import com.frontline.tenants.Workspace;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch analysis on the real stack: the chat's events enqueue a batch at exactly the 10th customer message and at
 * the end of the conversation (resolved, or quiet), each batch once, and analysing a batch twice stores it once.
 */
@IntegrationTest
class InsightsFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired InsightsService insights;
    @Autowired InsightsRepository repository;
    @Autowired InsightsJobs.Enqueue enqueue;
    @Autowired SchedulerClient scheduler;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    CurrentTenant admin;

    @BeforeEach
    void workspace() throws Exception {
        TestAccounts.Account owner = accounts.signedIn(mvc, "owner");
        Workspace workspace = accounts.workspace(owner, "Batch Co");
        admin = accounts.asMember(owner, workspace);
    }

    /** The upToSeq of every analysis batch scheduled for the conversation. */
    private List<Long> scheduled(UUID conversationId) {
        return scheduler.getScheduledExecutionsForTask(InsightsJobs.TASK, InsightsJobs.Batch.class).stream()
                .map(e -> e.getData())
                .filter(b -> b.conversationId().equals(conversationId))
                .map(InsightsJobs.Batch::upToSeq)
                .toList();
    }

    private long noted(TenantId tenant, UUID conversationId) {
        return tx.execute(s -> repository.lockProgress(tenant, conversationId)
                .map(InsightsRepository.Progress::lastCustomerSeq).orElse(0L));
    }

    private ChatMessage ask(UUID conversationId, String text) {
        return chat.askAndWait(admin.id(), conversationId, text).question();
    }

    @Test
    void aBatchIsEnqueuedAtExactlyTheTenthCustomerMessageAndAnalysedOnce() {
        Conversation c = chat.start(admin.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        List<ChatMessage> asked = new ArrayList<>();
        asked.add(ask(c.id(), "How do I change the delivery address of my order? Mail me at jo@example.com"));
        for (int i = 2; i <= 9; i++) {
            asked.add(ask(c.id(), "Question number " + i + " about the warranty of a blender?"));
        }
        long ninth = asked.getLast().seq();
        await(() -> noted(admin.id(), c.id()) == ninth);
        assertThat(scheduled(c.id())).as("no batch before the 10th customer message").isEmpty();

        ChatMessage tenth = ask(c.id(), "Question number 10 about the warranty of a blender?");
        asked.add(tenth);
        await(() -> !scheduled(c.id()).isEmpty());
        assertThat(scheduled(c.id())).containsExactly(tenth.seq());
        assertThat(enqueue.enqueue(admin.id(), c.id(), tenth.seq())).as("the same batch again").isFalse();
        assertThat(scheduled(c.id())).containsExactly(tenth.seq());

        insights.analyse(admin.id(), c.id(), tenth.seq());
        assertThat(insights.analyse(admin.id(), c.id(), tenth.seq())).as("analysed already").isZero();
        List<MessageInsight> read = insights.insights(admin.id(), c.id());
        assertThat(read).hasSize(10);
        assertThat(read).extracting(MessageInsight::messageId)
                .containsExactlyElementsOf(asked.stream().map(ChatMessage::id).toList());
        MessageInsight first = read.getFirst();
        assertThat(first.question()).contains("[email]").doesNotContain("jo@example.com");
        assertThat(first.intent()).isEqualTo(Intent.QUESTION);
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.method()).isEqualTo(LocalAnalysis.METHOD);
        // a workspace without knowledge: the assistant falls back, so the question is a gap with a cached vector
        assertThat(first.answered()).isFalse();
        assertThat(repository.gapQuestions(admin.id(), OffsetDateTime.now().minusDays(1), 100))
                .extracting(InsightsRepository.GapQuestion::messageId).contains(first.messageId());
    }

    @Test
    void theEndOfAConversationIsOneBatchWhetherResolvedOrQuiet() {
        Conversation c = chat.start(admin.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        ask(c.id(), "Do you ship to Norway?");
        ChatMessage last = ask(c.id(), "I want to talk to a person");
        await(() -> noted(admin.id(), c.id()) == last.seq());
        assertThat(scheduled(c.id())).isEmpty();

        chat.resolve(admin, c.id());
        await(() -> !scheduled(c.id()).isEmpty());
        assertThat(scheduled(c.id())).containsExactly(last.seq());

        // quiet for longer than the idle timeout: the same batch, so nothing new
        enqueue.quietConversations(OffsetDateTime.now().plus(insights.properties().idleAfter()).plusMinutes(1));
        assertThat(scheduled(c.id())).containsExactly(last.seq());

        assertThat(insights.analyse(admin.id(), c.id(), last.seq())).isEqualTo(2);
        assertThat(insights.analyse(admin.id(), c.id(), last.seq())).isZero();
        assertThat(insights.insights(admin.id(), c.id())).extracting(MessageInsight::intent)
                .containsExactly(Intent.QUESTION, Intent.REQUEST);
        // analysed: a quiet conversation is due no more
        assertThat(repository.dueAcrossWorkspaces(OffsetDateTime.now().plusDays(1), 10_000))
                .noneMatch(d -> d.conversationId().equals(c.id()));
    }

    @Test
    void aQuietConversationIsAnalysedWithoutBeingResolved() {
        Conversation c = chat.start(admin.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        ChatMessage only = ask(c.id(), "What are your opening hours on Sunday?");
        await(() -> noted(admin.id(), c.id()) == only.seq());
        enqueue.quietConversations(OffsetDateTime.now());
        assertThat(scheduled(c.id())).as("not quiet yet").isEmpty();
        enqueue.quietConversations(OffsetDateTime.now().plus(insights.properties().idleAfter()).plusMinutes(1));
        assertThat(scheduled(c.id())).containsExactly(only.seq());
    }

    @Test
    void erasedConversationsLoseTheirDerivedRows() {
        Conversation c = chat.start(admin.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        ChatMessage m = ask(c.id(), "Can I pay with an IBAN transfer?");
        await(() -> noted(admin.id(), c.id()) == m.seq());
        insights.analyse(admin.id(), c.id(), m.seq());
        assertThat(insights.insights(admin.id(), c.id())).hasSize(1);

        tx.executeWithoutResult(s -> events.publishEvent(new ConversationsErased(admin.id(), List.of(c.id()))));
        assertThat(insights.insights(admin.id(), c.id())).isEmpty();
        java.util.Optional<InsightsRepository.Progress> progress = tx.execute(s ->
                repository.lockProgress(admin.id(), c.id()));
        assertThat(progress).isEmpty();
        // a batch enqueued before the erasure finds nothing to analyse and leaves nothing behind
        assertThat(insights.analyse(admin.id(), c.id(), m.seq())).isZero();
        assertThat(repository.rowsOf(admin.id())).isZero();
    }

    /** A past conversation: one question answered confidently from a (cited) document; no events, so not noted. */
    private UUID answeredConversation(String question) {
        OffsetDateTime at = OffsetDateTime.now().minusHours(2);
        return chat.recordPastConversation(admin.id(), Channel.WIDGET, "visitor:" + UUID.randomUUID(),
                com.frontline.chat.ConversationStatus.BOT, null, List.of(
                        new ChatService.PastMessage(com.frontline.chat.Author.CUSTOMER, null, question, List.of(),
                                null, false, null, at),
                        new ChatService.PastMessage(com.frontline.chat.Author.ASSISTANT, "Ava", "Yes, we do. [1]",
                                List.of(), 0.82, false, null, at.plusSeconds(2))));
    }

    private MessageInsight analysedOnce(UUID conversationId) {
        long seq = chat.messages(admin.id(), conversationId, 0).stream()
                .filter(m -> m.author() == com.frontline.chat.Author.CUSTOMER).mapToLong(ChatMessage::seq).max()
                .orElseThrow();
        tx.executeWithoutResult(s -> repository.noteIfNew(admin.id(), conversationId, seq, OffsetDateTime.now()));
        insights.analyse(admin.id(), conversationId, seq);
        return insights.insights(admin.id(), conversationId).getFirst();
    }

    private AnswerSignal signal(UUID conversationId) {
        return insights.insights(admin.id(), conversationId).getFirst().answerSignal();
    }

    private boolean isGap(UUID messageId) {
        return repository.gapQuestions(admin.id(), OffsetDateTime.now().minusDays(1), 1000).stream()
                .anyMatch(q -> q.messageId().equals(messageId));
    }

    @Test
    void aLateThumbsDownTurnsAnAnsweredQuestionIntoAGapOnce() {
        UUID c = answeredConversation("Do you sell gift cards for the bakery?");
        MessageInsight first = analysedOnce(c);
        assertThat(first.answerSignal()).isEqualTo(AnswerSignal.ANSWERED);
        assertThat(isGap(first.messageId())).isFalse();

        UUID answer = chat.messages(admin.id(), c, 0).stream()
                .filter(m -> m.author() == com.frontline.chat.Author.ASSISTANT).findFirst().orElseThrow().id();
        chat.feedback(admin.id(), c, answer, -1);
        await(() -> signal(c) == AnswerSignal.THUMBS_DOWN);
        assertThat(insights.insights(admin.id(), c).getFirst().answered()).isFalse();
        assertThat(isGap(first.messageId())).as("a gap, with its vector for the clustering").isTrue();
        // the same event again changes nothing
        assertThat(insights.rejudge(admin.id(), c, null)).isZero();
        assertThat(insights.insights(admin.id(), c)).hasSize(1);

        // the customer changes their mind: answered again
        chat.feedback(admin.id(), c, answer, 1);
        await(() -> signal(c) == AnswerSignal.ANSWERED);
        assertThat(isGap(first.messageId())).isFalse();
    }

    @Test
    void aLateHandoffOrACorrectionOfTheAnswerMakesItAGap() {
        UUID handedOff = answeredConversation("Can I pick up my order at the warehouse?");
        analysedOnce(handedOff);
        chat.requestHandoff(admin.id(), handedOff, "The customer asked for a person.");
        await(() -> signal(handedOff) == AnswerSignal.HANDOFF);

        UUID corrected = answeredConversation("Do you gift-wrap orders?");
        MessageInsight q = analysedOnce(corrected);
        UUID answer = chat.messages(admin.id(), corrected, 0).stream()
                .filter(m -> m.author() == com.frontline.chat.Author.ASSISTANT).findFirst().orElseThrow().id();
        assertThat(insights.rejudge(admin.id(), corrected, answer)).isEqualTo(1);
        assertThat(signal(corrected)).isEqualTo(AnswerSignal.CORRECTED);
        assertThat(isGap(q.messageId())).isTrue();
        // a correction stays: a later judging without it does not undo it
        assertThat(insights.rejudge(admin.id(), corrected, null)).isZero();
        assertThat(signal(corrected)).isEqualTo(AnswerSignal.CORRECTED);
    }

    @Test
    void aRatingBeforeTheBatchRanIsLeftToTheBatch() {
        UUID c = answeredConversation("Do you sell spare blender jugs?");
        assertThat(insights.rejudge(admin.id(), c, null)).as("not noted: nothing to judge").isZero();
        assertThat(insights.insights(admin.id(), c)).isEmpty();
    }
}
