package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two workspaces' conversations, settings and webhook deliveries side by side: no method crosses over. */
@IntegrationTest
class ChatRepositoryIsolationTest {

    @Autowired ConversationRepository conversations;
    @Autowired ChatSettingsRepository settings;
    @Autowired WebhookDeliveryRepository deliveries;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    @Test
    void conversationsMessagesSettingsAndDeliveriesStayInTheirWorkspace() throws Exception {
        TenantId a = accounts.workspace(accounts.signedIn(mvc, "alice"), "A Corp").id();
        TenantId b = accounts.workspace(accounts.signedIn(mvc, "bob"), "B Corp").id();

        Conversation c = conversations.create(a, Channel.WIDGET, "visitor");
        ChatMessage m = conversations.addMessage(a, c.id(), new ConversationRepository.NewMessage(Author.ASSISTANT,
                "Ava", "Returns take 30 days.", List.of(), 0.8, false, true, "offline", "extractive",
                "How long do returns take?", null, new RetrievalTrace("returns duration", List.of())));
        WebhookDelivery d = deliveries.create(a, c.id(), "https://hooks.example.com/x");
        settings.update(a, 0.7, true, "https://hooks.example.com/x");

        assertThat(conversations.find(b, c.id())).isEmpty();
        assertThat(conversations.lock(b, c.id())).isEmpty();
        assertThat(conversations.latestOf(b, Channel.WIDGET, "visitor")).isEmpty();
        assertThat(conversations.inStatus(b, List.of(ConversationStatus.values()), 10)).isEmpty();
        assertThat(conversations.messages(b, c.id(), 0, 10)).isEmpty();
        assertThat(conversations.lastMessages(b, c.id(), 10)).isEmpty();
        assertThat(conversations.message(b, c.id(), m.id())).isEmpty();
        AnswerFeedback down = new AnswerFeedback(-1, List.of(FeedbackReason.INCORRECT), "wrong");
        assertThat(conversations.setFeedback(b, c.id(), m.id(), down)).isFalse();
        conversations.markLastAnswerHandedOff(b, c.id());
        assertThat(conversations.visitorLeft(b, c.id(), OffsetDateTime.now())).isFalse();
        conversations.setImplicitSignals(b, m.id(), new ImplicitSignals(true, true, true, true, true));
        conversations.signalsRead(b, c.id(), OffsetDateTime.now());
        assertThat(conversations.implicitSignals(b, m.id())).isEmpty();
        assertThat(conversations.retrieval(b, m.id())).isEmpty();
        assertThat(conversations.assistantAnswer(b, m.id())).isEmpty();
        assertThat(conversations.assistantAnswer(a, m.id()).orElseThrow().question())
                .isEqualTo("How long do returns take?");
        conversations.setStatus(b, c.id(), ConversationStatus.WAITING, "x", null, null);
        assertThat(deliveries.find(b, d.id())).isEmpty();
        assertThat(deliveries.recent(b, 10)).isEmpty();
        deliveries.attempted(b, d.id(), "DELIVERED", null);
        deliveries.giveUp(b, d.id());
        assertThat(settings.get(b).webhookUrl()).isNull();
        assertThat(settings.get(b).handoffOnLowConfidence()).isFalse();
        assertThat(settings.get(b).webhookSecret()).isNotEqualTo(settings.get(a).webhookSecret());

        // A's rows are untouched by B's writes
        assertThat(conversations.find(a, c.id()).orElseThrow().status()).isEqualTo(ConversationStatus.BOT);
        assertThat(deliveries.find(a, d.id()).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(deliveries.find(a, d.id()).orElseThrow().attempts()).isZero();
        assertThat(settings.get(a).confidenceThreshold()).isEqualTo(0.7);
        assertThat(settings.get(a).handoffOnLowConfidence()).isTrue();
        assertThat(conversations.messages(a, c.id(), 0, 10)).extracting(ChatMessage::text)
                .containsExactly("Returns take 30 days.");
        ChatMessage untouched = conversations.message(a, c.id(), m.id()).orElseThrow();
        assertThat(untouched.feedback()).isNull();
        assertThat(untouched.feedbackReasons()).isEmpty();
        assertThat(untouched.handedOff()).isFalse();
        assertThat(conversations.implicitSignals(a, m.id())).isEmpty();
        assertThat(conversations.retrieval(a, m.id()).orElseThrow().query()).isEqualTo("returns duration");
        assertThat(conversations.signalsDue(OffsetDateTime.now().plusDays(1), 100_000))
                .filteredOn(due -> due.conversationId().equals(c.id()))
                .singleElement().satisfies(due -> assertThat(due.tenant()).isEqualTo(a));
    }
}
