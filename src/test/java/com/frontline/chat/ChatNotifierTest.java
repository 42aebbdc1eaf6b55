package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes to the other nodes, and what they accept back. */
class ChatNotifierTest {

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final UUID conversation = UUID.randomUUID();

    @Test
    void storedMessagesStatusAndAnswerStartTravelAsSmallPayloadsWithoutContent() {
        ChatMessage m = new ChatMessage(UUID.randomUUID(), conversation, 42, Author.AGENT, "Nia", "secret words",
                List.of(), null, false, false, null, null, null, OffsetDateTime.now(), null, null);
        UUID answer = UUID.randomUUID();

        String message = ChatNotifier.payload("n1", tenant, conversation, new ChatEvent.MessageAdded(m));
        String status = ChatNotifier.payload("n1", tenant, conversation,
                new ChatEvent.StatusChanged(ConversationStatus.AGENT, "Nia"));
        String started = ChatNotifier.payload("n1", tenant, conversation, new ChatEvent.AnswerStarted(answer));
        String restarted = ChatNotifier.payload("n1", tenant, conversation, new ChatEvent.AnswerRestarted(answer));

        assertThat(message).isEqualTo("n1|" + tenant.value() + "|" + conversation + "|M|42").doesNotContain("secret");
        assertThat(status).isEqualTo("n1|" + tenant.value() + "|" + conversation + "|S|AGENT").doesNotContain("Nia");
        assertThat(started).endsWith("|A|" + answer);
        assertThat(restarted).endsWith("|R|" + answer);
        assertThat(List.of(message, status, started, restarted)).allSatisfy(p -> assertThat(p.length()).isLessThan(200));
    }

    @Test
    void tokensAndPlaygroundDetailsStayOnTheNodeThatWritesTheAnswer() {
        UUID answer = UUID.randomUUID();

        assertThat(ChatNotifier.payload("n1", tenant, conversation, new ChatEvent.AnswerToken(answer, "Hel")))
                .isNull();
        assertThat(ChatNotifier.payload("n1", tenant, conversation,
                new ChatEvent.Retrieved(answer, "q", List.of(), true))).isNull();
        assertThat(ChatNotifier.payload("n1", tenant, conversation,
                new ChatEvent.ProvidersFailed(answer, List.of(), "offline"))).isNull();
    }

    @Test
    void readsBackWhatItSends() {
        ChatNotifier.Notice notice = ChatNotifier.parse(ChatNotifier.payload("n1", tenant, conversation,
                new ChatEvent.StatusChanged(ConversationStatus.WAITING, null))).orElseThrow();

        assertThat(notice).isEqualTo(new ChatNotifier.Notice("n1", tenant, conversation, 'S', "WAITING"));
    }

    @Test
    void ignoresPayloadsThatAreNotOurs() {
        assertThat(ChatNotifier.parse("")).isEmpty();
        assertThat(ChatNotifier.parse("hello")).isEmpty();
        assertThat(ChatNotifier.parse("n1|not-a-uuid|" + conversation + "|M|1")).isEmpty();
        assertThat(ChatNotifier.parse("n1|" + tenant.value() + "|" + conversation + "|X|1")).isEmpty();
        assertThat(ChatNotifier.parse("n1|" + tenant.value() + "|" + conversation + "|MM|1")).isEmpty();
        assertThat(ChatNotifier.parse("n1|" + tenant.value() + "|" + conversation + "|M|1|extra")).isEmpty();
    }
}
